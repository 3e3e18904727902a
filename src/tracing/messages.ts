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
