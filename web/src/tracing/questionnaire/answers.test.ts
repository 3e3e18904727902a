import { describe, expect, it } from 'vitest';
import { toSavable } from './answers.js';

describe('toSavable', () => {
  it('leaves out rows without a name and sends empty optional fields as null', () => {
    expect(
      toSavable({
        household: [
          { id: 'h1', name: ' Eva Berg ', identityNumber: '', phone: '070-1' },
          { id: 'h2', name: '  ' },
        ],
        closeContacts: [{ id: 'c1', name: 'Nils', context: ' ', lastContact: '2026-03-01' }],
        settings: [
          { kind: 'workplace', name: 'Verkstaden', schoolClass: '3B', date: '' },
          { kind: 'school_class', name: '', schoolClass: '3B' },
        ],
      }),
    ).toEqual({
      symptomOnset: null,
      travelCountry: null,
      household: [{ id: 'h1', name: 'Eva Berg', identityNumber: null, phone: '070-1' }],
      closeContacts: [{ id: 'c1', name: 'Nils', phone: null, context: null, lastContact: '2026-03-01' }],
      settings: [{ kind: 'workplace', name: 'Verkstaden', schoolClass: null, date: null }],
    });
  });

  it('drops an onset date after "no symptoms" and a country after "not abroad"', () => {
    const savable = toSavable({ noSymptoms: true, symptomOnset: '2026-03-01', travelledAbroad: false, travelCountry: 'Spanien' });
    expect(savable).toMatchObject({ noSymptoms: true, symptomOnset: null, travelledAbroad: false, travelCountry: null });
  });

  it('sends nothing but empty lists and nulls for a form not started', () => {
    expect(toSavable({})).toEqual({ symptomOnset: null, travelCountry: null, household: [], closeContacts: [], settings: [] });
  });
});
