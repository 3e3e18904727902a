export const extractLanguages = ['sv', 'en'] as const;
export type ExtractLanguage = (typeof extractLanguages)[number];

/** The register extract's words, Swedish first. Values from the database (codes) are translated by `value`. */
const sv = {
  title: 'Registerutdrag från Lägesbild',
  intro: 'Detta är allt Lägesbild har sparat om dig (dataskyddsförordningen artikel 15). Uppgifterna gallras enligt regionens bevarandetider.',
  madeAt: 'Framtaget',
  region: 'Region',
  sections: {
    person: 'Personuppgifter',
    tests: 'Provtagningar',
    kitOrders: 'Beställda testkit',
    cases: 'Smittspårning',
    namedAsContact: 'Du har uppgetts som kontakt',
    doses: 'Vaccinationer',
    bookings: 'Bokningar',
    certificates: 'Covidbevis',
    certificateRequests: 'Ansökningar om covidbevis',
    messages: 'Meddelanden till dig',
    reads: 'Vem har läst eller ändrat dina uppgifter',
  },
  fields: {
    name: 'Namn', identityNumbers: 'Identitetsnummer', birthDate: 'Födelsedatum', address: 'Adress', phone: 'Telefon', email: 'E-post',
    testType: 'Provtyp', collection: 'Provtagning', takenAt: 'Provet togs', result: 'Resultat', resultAt: 'Svar klart', answeredAt: 'Svar lämnat',
    orderedAt: 'Beställt', status: 'Status', openedAt: 'Öppnat', closedAt: 'Avslutat', notes: 'Journalanteckningar', kind: 'Typ', text: 'Text', advice: 'Förhållningsregler', createdAt: 'Skrivet',
    relation: 'Relation', exposureDate: 'Exponeringsdag', namedAt: 'Uppgiven', informedAt: 'Informerad',
    vaccine: 'Vaccin', productCode: 'Produkt', batchNumber: 'Batch', doseNumber: 'Dos', administeredAt: 'Given', site: 'Mottagning',
    startsAt: 'Tid', place: 'Plats', issuedAt: 'Utfärdat', expiresAt: 'Giltigt till', revokedAt: 'Återkallat', paper: 'Papper',
    requestedAt: 'Ansökt', note: 'Din kommentar', channel: 'Kanal', subject: 'Ämne', body: 'Text', deliveredAt: 'Skickat',
    at: 'När', actorName: 'Vem', actorRole: 'Roll', action: 'Vad', purpose: 'Varför',
  },
  none: 'Inga uppgifter.',
  values: {
    pcr: 'PCR', antigen: 'Antigen', serology: 'Antikroppar', self: 'Egenprovtagning', staff: 'Vårdpersonal',
    positive: 'Positivt', negative: 'Negativt', not_assessable: 'Ej bedömbart', ordered: 'Beställt', registered: 'Registrerat', cancelled: 'Avbokad',
    open: 'Pågår', closed: 'Avslutat', household: 'Hushåll', close: 'Nära kontakt', booked: 'Bokad', attended: 'Genomförd', sampled: 'Provtagen',
    vaccination: 'Vaccination', sampling: 'Provtagning', recovery: 'Tillfrisknande', test: 'Test', issued: 'Utfärdat', refused: 'Avslaget', queued: 'Handläggs', rejected: 'Avslaget',
    sms: 'SMS', email: 'E-post', inbox: '1177 Inkorg', call: 'Samtal', journal: 'Journal', true: 'Ja', false: 'Nej',
  } as Record<string, string>,
};

const en: typeof sv = {
  title: 'Register extract from Lägesbild',
  intro: 'This is everything Lägesbild holds about you (General Data Protection Regulation, article 15). The data is removed according to the region’s retention periods.',
  madeAt: 'Produced',
  region: 'Region',
  sections: {
    person: 'Personal details',
    tests: 'Tests',
    kitOrders: 'Ordered test kits',
    cases: 'Contact tracing',
    namedAsContact: 'You were named as a contact',
    doses: 'Vaccinations',
    bookings: 'Bookings',
    certificates: 'COVID certificates',
    certificateRequests: 'Requests for COVID certificates',
    messages: 'Messages to you',
    reads: 'Who has read or changed your data',
  },
  fields: {
    name: 'Name', identityNumbers: 'Identity numbers', birthDate: 'Date of birth', address: 'Address', phone: 'Phone', email: 'E-mail',
    testType: 'Test type', collection: 'Sampling', takenAt: 'Sample taken', result: 'Result', resultAt: 'Result ready', answeredAt: 'Result given',
    orderedAt: 'Ordered', status: 'Status', openedAt: 'Opened', closedAt: 'Closed', notes: 'Journal notes', kind: 'Kind', text: 'Text', advice: 'Rules of conduct', createdAt: 'Written',
    relation: 'Relation', exposureDate: 'Exposure date', namedAt: 'Named', informedAt: 'Informed',
    vaccine: 'Vaccine', productCode: 'Product', batchNumber: 'Batch', doseNumber: 'Dose', administeredAt: 'Given', site: 'Clinic',
    startsAt: 'Time', place: 'Place', issuedAt: 'Issued', expiresAt: 'Valid until', revokedAt: 'Revoked', paper: 'Paper',
    requestedAt: 'Requested', note: 'Your comment', channel: 'Channel', subject: 'Subject', body: 'Text', deliveredAt: 'Sent',
    at: 'When', actorName: 'Who', actorRole: 'Role', action: 'What', purpose: 'Why',
  },
  none: 'Nothing recorded.',
  values: {
    pcr: 'PCR', antigen: 'Antigen', serology: 'Antibodies', self: 'Self-sampling', staff: 'Healthcare staff',
    positive: 'Positive', negative: 'Negative', not_assessable: 'Not assessable', ordered: 'Ordered', registered: 'Registered', cancelled: 'Cancelled',
    open: 'Ongoing', closed: 'Closed', household: 'Household', close: 'Close contact', booked: 'Booked', attended: 'Attended', sampled: 'Sampled',
    vaccination: 'Vaccination', sampling: 'Sampling', recovery: 'Recovery', test: 'Test', issued: 'Issued', refused: 'Refused', queued: 'Being handled', rejected: 'Rejected',
    sms: 'SMS', email: 'E-mail', inbox: '1177 inbox', call: 'Call', journal: 'Journal', true: 'Yes', false: 'No',
  },
};

export const extractTexts: Record<ExtractLanguage, typeof sv> = { sv, en };
export type ExtractTexts = typeof sv;
export type ExtractSection = keyof ExtractTexts['sections'];
