/** Swedish texts of the staff person search (`/persons`); `personsEn` mirrors them. */
export const personsSv = {
  title: 'Sök person',
  intro:
    'Sök en person i regionen på personnummer (eller samordnings- eller reservnummer), eller på namn och födelsedatum. Ange varför du söker: anledningen sparas i loggen och personen ser den under ”Vem har läst min journal?”. Sökningen visar högst tio personer.',
  identityNumber: 'Personnummer',
  identityNumberHelp: 'Eller samordnings- eller reservnummer. Lämna tomt för att söka på namn.',
  or: 'eller',
  name: 'Namn',
  nameHelp: 'För- och efternamn, minst två bokstäver vardera',
  birthDate: 'Födelsedatum',
  purpose: 'Anledning',
  purposeHelp: 'Varför du behöver uppgifterna, t.ex. ”Smittspårning: kontakt till ärende”',
  purposeRequired: 'Ange en anledning till sökningen',
  search: 'Sök',
  caption: 'Personer som matchar sökningen',
  none: 'Ingen person i regionen matchar sökningen.',
  more: 'Fler än tio personer matchar. Sök på personnumret för att hitta rätt person.',
  columns: { name: 'Namn', identityNumber: 'Identitetsnummer', birthDate: 'Födelsedatum', age: 'Ålder', address: 'Adress', phone: 'Telefon' },
  age: '{{age}} år',
};

export const personsEn: typeof personsSv = {
  title: 'Find a person',
  intro:
    'Find a person in the region by personal identity number (or coordination or reserve number), or by name and birth date. Say why you search: the reason is kept in the log and the person sees it under “Who has read my record?”. The search shows ten people at most.',
  identityNumber: 'Personal identity number',
  identityNumberHelp: 'Or coordination or reserve number. Leave empty to search by name.',
  or: 'or',
  name: 'Name',
  nameHelp: 'Given and family name, at least two letters each',
  birthDate: 'Birth date',
  purpose: 'Reason',
  purposeHelp: 'Why you need the record, e.g. “Contact tracing: contact of a case”',
  purposeRequired: 'Give a reason for the search',
  search: 'Search',
  caption: 'People matching the search',
  none: 'Nobody in the region matches the search.',
  more: 'More than ten people match. Search by the identity number to find the right person.',
  columns: { name: 'Name', identityNumber: 'Identity number', birthDate: 'Birth date', age: 'Age', address: 'Address', phone: 'Phone' },
  age: '{{age}} years',
};
