import type { TemplateInput } from './template.js';

/**
 * The follow-ups Lägesbild starts with, written from the seeds' own questions: SKR's vaccination follow-ups
 * (seed 001: traffic-light self-assessments; seed 003 lines ~267–280: the questions of June 2023), SKR's testing
 * and tracing follow-up (seed 000: the per-region tables), and Socialstyrelsen's nära vård follow-up 2021 for
 * regions and for RSS (seed 004, Bilaga 1–2, lines 4093–4462).
 */
export const NARA_VARD_AREA = 'Nära vård med primärvården som nav';
export const STAFF_AREA = 'Goda förutsättningar för vårdens medarbetare';

/** The rows of a certificates table that the certificates area's monthly statistics fill (prefill.ts). */
const certificateRows = [
  { key: 'vaccination', label: 'Vaccinationsbevis' },
  { key: 'test', label: 'Testbevis' },
  { key: 'recovery', label: 'Tillfrisknandebevis' },
  { key: 'paper', label: 'Varav papperscertifikat' },
  { key: 'refused', label: 'Avslagna förfrågningar' },
];

const ageRows = [
  { key: '18-49', label: '18–49 år' },
  { key: '50-64', label: '50–64 år' },
  { key: '65-79', label: '65–79 år' },
  { key: '80plus', label: '80 år och äldre' },
];

export const vaccinationTemplate: TemplateInput = {
  intro: 'Regionernas arbete med vaccinering mot covid-19. Besvaras av regionens vaccinsamordnare.',
  sections: [
    {
      id: 'implementation',
      title: 'Genomförande',
      questions: [
        { id: 'overall', kind: 'traffic_light', label: 'Övergripande bedömning av arbetet med vaccinationerna (grön–gul–röd)', mandatory: true, help: 'Motivera gult eller rött.' },
        { id: 'implementation', kind: 'text', maxLength: 4000, mandatory: true, label: 'Beskriv kort arbetet med genomförandet av vaccinationer mot covid-19 enligt Folkhälsomyndighetens rekommendationer och prioriteringar' },
        { id: 'obstacles', kind: 'text', maxLength: 2000, mandatory: false, label: 'Finns det några hinder för genomförandet av de planerade vaccinationerna?' },
        { id: 'coadministration', kind: 'single_choice', mandatory: true, label: 'Erbjuds vaccination mot covid-19 samtidigt med vaccination mot influensa?', options: [{ key: 'yes', label: 'Ja' }, { key: 'partly', label: 'Delvis' }, { key: 'no', label: 'Nej' }] },
        {
          id: 'booking',
          kind: 'multiple_choice',
          mandatory: false,
          label: 'Hur kan invånarna boka vaccination?',
          options: [{ key: 'e-service', label: 'E-tjänst (1177)' }, { key: 'phone', label: 'Telefon' }, { key: 'drop-in', label: 'Drop-in' }, { key: 'home', label: 'Hembesök' }],
        },
        { id: 'autumn_start', kind: 'date', mandatory: false, label: 'Startdatum för höstens vaccinationer' },
      ],
    },
    {
      id: 'doses',
      title: 'Doser och täckning',
      questions: [
        { id: 'doses_given', kind: 'number', unit: 'doser', definition: 'Doser mot covid-19 som regionen gett under perioden, enligt rapporteringen till NVR.', integer: true, min: 0, mandatory: true, label: 'Givna doser under perioden' },
        {
          id: 'coverage',
          kind: 'table',
          mandatory: false,
          label: 'Vaccinationstäckning per åldersgrupp (andel av befolkningen, %)',
          rows: ageRows,
          columns: [{ key: 'dose1', label: 'Minst 1 dos', unit: '%' }, { key: 'dose2', label: 'Minst 2 doser', unit: '%' }],
          min: 0,
          prefill: 'vaccination.coverage',
        },
      ],
    },
    {
      id: 'certificates',
      title: 'Vaccinationsbevis och tillfrisknandebevis',
      questions: [
        {
          id: 'certificates_issued',
          kind: 'table',
          mandatory: false,
          label: 'Intyg under perioden',
          rows: certificateRows,
          columns: [{ key: 'count', label: 'Antal', unit: 'intyg' }],
          min: 0,
          prefill: 'certificates.perKind',
        },
        { id: 'certificates', kind: 'text', maxLength: 4000, mandatory: false, label: 'Erfarenheter av arbetet med vaccinationsbevis och tillfrisknandebevis, även för personer utan person- eller samordningsnummer' },
      ],
    },
  ],
};

export const testingTemplate: TemplateInput = {
  intro: 'Regionernas arbete med provtagning och smittspårning för covid-19.',
  sections: [
    {
      id: 'testing',
      title: 'Provtagning',
      questions: [
        { id: 'testing_light', kind: 'traffic_light', mandatory: true, label: 'Bedömning av provtagningskapaciteten (grön–gul–röd)' },
        { id: 'tests', kind: 'number', unit: 'tester', definition: 'Analyserade prov för pågående infektion (PCR och antigen) med provtagningsdag i perioden.', integer: true, min: 0, mandatory: true, label: 'Antal tester', prefill: 'testing.tests' },
        { id: 'positives', kind: 'number', unit: 'tester', definition: 'Tester med positivt svar, provtagningsdag i perioden.', integer: true, min: 0, mandatory: true, label: 'Antal positiva', prefill: 'testing.positives' },
        {
          id: 'per_test_type',
          kind: 'table',
          mandatory: false,
          label: 'Tester och positiva per testtyp',
          rows: [{ key: 'pcr', label: 'PCR' }, { key: 'antigen', label: 'Antigen' }, { key: 'serology', label: 'Antikropp' }],
          columns: [{ key: 'tests', label: 'Tester' }, { key: 'positive', label: 'Positiva' }],
          min: 0,
          prefill: 'testing.perTestType',
        },
        { id: 'capacity', kind: 'number', unit: 'tester', definition: 'Summan av den deklarerade veckokapaciteten för periodens veckor.', integer: true, min: 0, mandatory: false, label: 'Provtagningskapacitet', prefill: 'testing.capacity' },
      ],
    },
    {
      id: 'tracing',
      title: 'Smittspårning',
      questions: [
        { id: 'cases', kind: 'number', unit: 'fall', definition: 'Smittspårningsärenden öppnade i perioden.', integer: true, min: 0, mandatory: true, label: 'Antal smittspårade fall', prefill: 'tracing.cases' },
        { id: 'hours_to_contact', kind: 'number', unit: 'timmar', definition: 'Median av tiden från provsvar till första samtal, viktad över periodens veckor.', min: 0, mandatory: false, label: 'Tid till första kontakt', prefill: 'tracing.hoursToFirstCall' },
        { id: 'tracing_description', kind: 'text', maxLength: 4000, mandatory: false, label: 'Beskriv hur smittspårningen är organiserad' },
      ],
    },
  ],
};

const developmentQuestions = (prefix: string) => [
  { id: `${prefix}initiatives_nara`, kind: 'initiatives' as const, developmentArea: NARA_VARD_AREA, mandatory: true, label: 'Insatser för utvecklingen av den nära vården (planerade, påbörjade och genomförda)' },
  { id: `${prefix}progress`, kind: 'traffic_light' as const, mandatory: true, label: 'Självskattning: hur långt har omställningen till en nära vård kommit?' },
];

export const naraVardRegionTemplate: TemplateInput = {
  intro: 'Redovisningsstruktur till regionerna (Socialstyrelsen, Bilaga 2). Jämställdhetsperspektivet belyses där så är lämpligt.',
  sections: [
    {
      id: 'nara-vard',
      title: 'Utveckling av den nära vården med primärvården som nav',
      questions: [
        { id: 'general', kind: 'text', maxLength: 8000, mandatory: true, label: 'Beskriv den generella utvecklingen av den nära vården med primärvården som nav', help: 'T.ex. personcentrerade arbetssätt, samverkan, digital utveckling, kompetensförsörjning, stöd till personer med komplexa behov, glesbygd.' },
        { id: 'focus_areas', kind: 'text', maxLength: 8000, mandatory: false, label: 'Beskriv insatser och resultat utifrån de särskilda insatsområdena (avsnitt 3.1.2)', help: 'Samverkan region – kommun; förebyggande, hälsofrämjande, rehabiliterande och habiliterande insatser; undvikbar sjukhusvård; ändamålsenligt resursutnyttjande; privata aktörers medverkan.' },
        ...developmentQuestions(''),
        { id: 'named_doctor', kind: 'number', unit: '%', definition: 'Andel av de listade som har en namngiven fast läkarkontakt (målnivå minst 55 %).', min: 0, max: 100, mandatory: false, label: 'Andel listade med fast läkarkontakt', prefill: 'indicators.namedDoctor' },
      ],
    },
    {
      id: 'target',
      title: 'Målbild och process för en nära vård',
      questions: [
        { id: 'target_started', kind: 'date', mandatory: false, label: 'Process för gemensam målbild startades' },
        { id: 'target_decision', kind: 'text', maxLength: 500, mandatory: false, label: 'Politiskt beslut i berörda organ (ange beslut månad x – månad x)' },
        { id: 'target_in_force', kind: 'date', mandatory: false, label: 'Gemensam målbild träder i kraft' },
      ],
    },
    {
      id: 'staff',
      title: 'Goda förutsättningar för vårdens medarbetare',
      questions: [
        { id: 'staff_general', kind: 'text', maxLength: 8000, mandatory: true, label: 'Beskriv övergripande utvecklingen av goda förutsättningar för vårdens medarbetare' },
        { id: 'initiatives_staff', kind: 'initiatives', developmentArea: STAFF_AREA, mandatory: false, label: 'Insatser för kompetensförsörjning, arbetsplatsens förutsättningar och utbildning' },
      ],
    },
    {
      id: 'covid',
      title: 'Hur har covid-19 påverkat arbetet med omställningen?',
      questions: [{ id: 'covid_effect', kind: 'text', maxLength: 4000, mandatory: false, label: 'Hur har covid-19 påverkat arbetet med omställningen till en mer nära vård och med goda förutsättningar för vårdens medarbetare?' }],
    },
  ],
};

export const naraVardRssTemplate: TemplateInput = {
  intro: 'Redovisningsstruktur till RSS (Socialstyrelsen, Bilaga 1): kommunernas medel, redovisas av RSS i respektive län.',
  sections: [
    {
      id: 'nara-vard',
      title: 'Utveckling av den nära vården med primärvården som nav',
      questions: [
        { id: 'general', kind: 'text', maxLength: 8000, mandatory: true, label: 'Beskriv den generella utvecklingen av den nära vården med primärvården som nav' },
        { id: 'rss_support', kind: 'text', maxLength: 4000, mandatory: true, label: 'Beskriv hur ert stöd till omställningsarbetet sett ut' },
        { id: 'elderly_access', kind: 'text', maxLength: 4000, mandatory: false, label: 'Beskriv utvecklingen av tillgänglighet i samverkan med regionen för äldre som får sin hälso- och sjukvård inom kommunalt finansierade verksamheter' },
        { id: 'municipal_care', kind: 'text', maxLength: 4000, mandatory: false, label: 'Beskriv arbetet i samverkan med regionen för personer med kommunal hälso- och sjukvård' },
        ...developmentQuestions(''),
      ],
    },
    {
      id: 'target',
      title: 'Målbild och process för en nära vård',
      questions: [{ id: 'target_process', kind: 'text', maxLength: 2000, mandatory: false, label: 'Ange kommunernas process för beslut för den länsgemensamma målbilden för omställningen till en nära vård' }],
    },
    {
      id: 'joint-funds',
      title: 'Hur har medel använts länsgemensamt?',
      questions: [{ id: 'joint_funds', kind: 'text', maxLength: 4000, mandatory: false, label: 'Om medel har använts länsgemensamt för stöd till kommunerna: beskriv aktiviteter och resultat, RSS stödjande roll och samverkan med regionen, lärosäten och civilsamhället' }],
    },
  ],
};
