/** What Lägesbild writes to the index and their contacts. Plain Swedish, as 1177 does. */

export const questionnaireInvitation = (link: string) => ({
  subject: 'Smittspårning: frågor om dina kontakter',
  body:
    'Ditt prov visar att du har covid-19. För att skydda dina närstående behöver vi veta vilka du har träffat. ' +
    `Svara på frågorna här, gärna inom en timme: ${link}\n` +
    'Du kan spara och fortsätta senare. En smittspårare ringer dig senast nästa dag.',
});

export const questionnaireNotice = (link: string) =>
  `Region: ditt provsvar är positivt. Svara på smittspårningens frågor, gärna inom en timme: ${link}`;

export const householdContactInformation = {
  subject: 'Du är hushållskontakt till en person med covid-19',
  body:
    'En person i ditt hushåll har covid-19. Så här gör du som hushållskontakt:\n' +
    '• Stanna hemma och undvik nära kontakt med andra i fem dagar från att den i hushållet blev sjuk.\n' +
    '• Testa dig: beställ ett självtest på 1177.se, eller boka provtagning. Testa dig igen om du får symtom.\n' +
    '• Får du symtom: stanna hemma tills du har varit feberfri i två dygn och känner dig frisk.\n' +
    'Har du frågor, ring 1177.',
};

export const householdContactNotice = 'Region: du är hushållskontakt till en person med covid-19. Stanna hemma och testa dig. Läs mer i din inkorg på 1177.se eller ring 1177.';

export const closeContactInformation = {
  subject: 'Du kan ha smittats av covid-19',
  body:
    'Du har haft nära kontakt med en person som har covid-19. Var uppmärksam på symtom de närmaste två veckorna. ' +
    'Får du symtom: stanna hemma och testa dig (självtest beställs på 1177.se). Har du frågor, ring 1177.',
};

export const closeContactNotice = 'Region: du har haft nära kontakt med en person med covid-19. Testa dig om du får symtom. Läs mer på 1177.se eller ring 1177.';

/** The daily check-in, Swedish first and English second (the contact's language is not in the register). */
export const checkInNotice = (link: string, day: number, days: number) =>
  `Region: dag ${day} av ${days} i din uppföljning efter kontakt med covid-19. Svara på två frågor om symtom och test: ${link} / ` +
  `Day ${day} of ${days} of your follow-up after contact with covid-19. Answer two questions on symptoms and testing: ${link}`;

export const checkInInvitation = (link: string, day: number, days: number) => ({
  subject: `Smittspårning: dagens uppföljning, dag ${day} av ${days} / Daily check-in, day ${day} of ${days}`,
  body:
    `Du följs upp i ${days} dagar efter att du hade kontakt med en person med covid-19. Svara varje dag: har du symtom, och har du testat dig? ${link}\n` +
    'Får du symtom: stanna hemma och testa dig.\n\n' +
    `You are followed for ${days} days after contact with a person with covid-19. Answer every day: do you have symptoms, and have you been tested? ${link}\n` +
    'If you get symptoms: stay at home and get tested.',
});

/** What a contact reporting symptoms is told at once (and the tracer follows up). */
export const testAdvice =
  'Stanna hemma och testa dig så snart som möjligt: beställ ett självtest på 1177.se eller boka provtagning. En smittspårare kontaktar dig. / ' +
  'Stay at home and get tested as soon as possible: order a self-test at 1177.se or book a test. A contact tracer will contact you.';

export const kitOrderedForContact = (point: string) => ({
  subject: 'Självtest för covid-19 / Self-test for covid-19',
  body: `Smittspårningen har beställt ett självtest åt dig. Hämta det på ${point}, ta provet och registrera det med QR-koden på 1177.se. / ` + `Contact tracing has ordered a self-test for you. Pick it up at ${point}, take the sample and register it with the QR code at 1177.se.`,
});
