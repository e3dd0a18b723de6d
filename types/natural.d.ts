// `natural`'s top-level entry loads database clients and dotenv (which prints to stdout),
// so the project imports single modules by path; these declare the ones it uses.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
