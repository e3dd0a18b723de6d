import { describe, expect, it } from 'vitest';
import { asksDataLocation, namesCountry } from '../../src/query/data-location.js';

describe('asksDataLocation', () => {
  it.each(['which countries are your data centers in?', 'Where are Mozilla’s servers located?', 'which country is my account data hosted in', 'are the servers physically in the EU?'])('hears "%s" ask where data is kept', (question) => {
    expect(asksDataLocation(question)).toBe(true);
  });

  it.each(["how does the app know what country I'm in?", 'which countries count as Designated Countries?', 'do you store my data forever?', 'is my data transferred outside the EU?'])('hears no data location asked in "%s"', (question) => {
    expect(asksDataLocation(question)).toBe(false);
  });
});

describe('namesCountry', () => {
  it.each(['Data is stored and processed in the United States.', 'Hosting facilities are situated in Ireland.', 'We rely on U.S. processors.', 'Both take part in the EU-US Privacy Shield.'])('finds a country in "%s"', (text) => {
    expect(namesCountry(text)).toBe(true);
  });

  it.each(['We may transfer data outside the European Economic Area (EEA).', 'Contact us about your data.', 'Tell us what you need.'])('finds none in "%s"', (text) => {
    expect(namesCountry(text)).toBe(false);
  });
});
