import { systemActor } from '../platform/auth/actor.js';
import type { Db } from '../platform/db/client.js';
import { actions, agendaItems, auditQuestions, cases, delegatedDecisions, documents, meetings, memos, minutes, signatures, type CaseOutcome, type CaseType, type Recipient } from './model.js';
import { addEvent, insertCase } from './register.js';
import { and, eq } from 'drizzle-orm';
import { appealPeriod } from './rules.js';

/**
 * The meeting of Hälso- och sjukvårdsnämnden of 2021-12-01 from seed 002 (agenda lines 1–623, memos 624–1448,
 * the 1177 audit 19713–21413, the cancer plan's activity tables from line 12413): its items with their
 * diarienummer, rapporteurs, proposals and summaries as written there. What the packet does not say is marked
 * as the demo's own: the days the delegated decisions were taken, the preparation text of most memos, the
 * owners' due days, and every e-mail address (example.se, so no demo extract reaches a real mailbox).
 */

const FORVALTNINGEN: Recipient = { name: 'Hälso- och sjukvårdsförvaltningen', email: 'halso-och-sjukvardsforvaltningen@example.se' };
const FORSLAGSSTALLAREN: Recipient = { name: 'Förslagsställaren', email: 'forslagsstallaren@example.se' };
const NO_CONSEQUENCES = 'Förslag till beslut medför inga konsekvenser ur dessa perspektiv.';
const PREPARED = 'Ärendet har beretts av hälso- och sjukvårdsförvaltningen inför nämndens sammanträde.'; // the demo's own

interface SeedItem {
  caseNumber: string;
  type: CaseType;
  title: string;
  rapporteur: string;
  proposal: string[];
  summary: string;
  background?: string;
  economy?: string;
  supportingDocuments: string[];
  sendTo: Recipient[];
  outcome: CaseOutcome | null;
  received: string;
}

const items: SeedItem[] = [
  {
    caseNumber: '21RS5471',
    type: 'citizen_proposal',
    title: 'Svar på medborgarförslag om att återöppna primärjouren för kirurgi, ortopedi och urologi mellan kl. 21.00-07.30 vid Lindesbergs lasarett',
    rapporteur: 'Michaela Larsson',
    proposal: ['att anse medborgarförslaget besvarat.'],
    summary:
      'Det har lämnats in ett medborgarförslag till Region Örebro län där förslagsställaren föreslår en återöppning av primärjourslinjen vid Lindesbergs lasarett mellan kl. 21.00-07.30. En uppföljning av de förändrade jourlinjerna på Lindesbergs lasarett har genomförts och har föranlett att Hälso- och sjukvårdsförvaltningen har tagit fram förslag på åtgärder och utvecklingsarbete för att förbättra invånarnas tillgänglighet till akutsjukvård nattetid.',
    background: 'Beredning för närsjukvård samt beredning för somatisk specialistvård och högspecialiserad vård har vid respektive sammanträde den 17- respektive 25 november behandlat ärendet.',
    economy: 'Förslag till beslut innebär inga ekonomiska konsekvenser.',
    supportingDocuments: ['FöredragningsPM hälso- och sjukvårdsnämnd 2021-12-01', 'Svar på medborgarförslag om att återöppna primärjouren vid Lindesbergs lasarett', 'Medborgarförslag'],
    sendTo: [FORVALTNINGEN, FORSLAGSSTALLAREN],
    outcome: 'deemed_answered',
    received: '2021-06-14',
  },
  {
    caseNumber: '21RS3080',
    type: 'citizen_proposal',
    title: 'Svar på medborgarförslag om att kommunens läkare, sjuksköterskor och arbetsterapeuter alla ska vara anställda inom landstinget',
    rapporteur: 'Michaela Larsson',
    proposal: ['att anse medborgarförslaget besvarat.'],
    summary:
      'Det har lämnats in ett medborgarförslag till Region Örebro län där förslagsställaren föreslår att kommunernas läkare, sjuksköterskor samt arbetsterapeuter ska bli anställda av landstinget. Region Örebro län och länets kommuner har ett delat ansvar, enligt lag, att svara för hälso- och sjukvård till länets invånare.',
    supportingDocuments: ['FöredragningsPM hälso- och sjukvårdsnämnden 2021-12-01', 'Medborgarförslag, socialförvaltning och landsting'],
    sendTo: [FORVALTNINGEN, FORSLAGSSTALLAREN],
    outcome: 'deemed_answered',
    received: '2021-04-08',
  },
  {
    caseNumber: '21RS4982',
    type: 'citizen_proposal',
    title: 'Svar på medborgarförslag om att köpa in en bröstpump till akutmottagningen på Karlskoga lasarett',
    rapporteur: 'Michaela Larsson',
    proposal: ['att anse medborgarförslaget bifallet eftersom en bröstpump har köpts in.'],
    summary: 'Akutmottagningen på Karlskoga lasarett har köpt in en manuell bröstpump och det finns att tillgå en bröstpump vid behov på samtliga akutmottagningar inom Region Örebro län.',
    supportingDocuments: ['Reviderat svar på medborgarförslag om att köpa in en bröstpump till akutmottagningen på Karlskoga lasarett', 'Medborgarförslag om bröstpump på akuten i Karlskoga'],
    sendTo: [FORVALTNINGEN, FORSLAGSSTALLAREN],
    outcome: 'granted',
    received: '2021-05-20',
  },
  {
    caseNumber: '21RS2183',
    type: 'motion',
    title: 'Svar på motion om införande av psykiatriambulans i Region Örebro län',
    rapporteur: 'Michaela Larsson',
    proposal: ['att motionen anses besvarad.'],
    summary:
      'En motion har inkommit från Willhelm Sundman (L) till Region Örebro län om behovet av att inrätta en verksamhet i form av en psykiatriambulans. Inom Region Örebro län skulle en psykiatriambulans inte ha tillräcklig beläggning för att vara kostnadseffektiv.',
    supportingDocuments: ['Svar på motion om att införa en psykiatriambulans i Region Örebro län', 'Motion från Willhelm Sundman (L)'],
    sendTo: [{ name: 'Regionstyrelsen', email: 'regionstyrelsen@example.se' }],
    outcome: 'deemed_answered',
    received: '2021-03-02',
  },
  {
    caseNumber: '21RS8277',
    type: 'consultation',
    title: 'Svar på remiss gällande promemorian ”Ändring i lag (2006:323) om utbyte av sprutor och kanyler”',
    rapporteur: 'Michaela Larsson',
    proposal: ['att förslaget till svar godkänns som Region Örebro läns svar till Socialdepartementet.'],
    summary:
      'I promemorian föreslås det att bosättningsprincipen tas bort, det vill säga att även personer som inte kan anses vara bosatta i en region som har beviljats tillstånd för sprututbytesverksamhet ska få delta i sådan verksamhet i den regionen. Detta bland annat då bosättningsprincipen kan försvåra ett effektivt smittskyddsarbete i enlighet med smittskyddslagen.',
    supportingDocuments: ['Svar på remiss gällande promemorian: Ändring i lag (2006:323) om utbyte av sprutor och kanyler', 'Remiss - Förslag om ändring av lagen om utbyte av sprutor och kanyler'],
    sendTo: [{ name: 'Socialdepartementet', email: 'socialdepartementet@example.se' }],
    outcome: 'approved',
    received: '2021-09-30',
  },
  {
    caseNumber: '21RS9619',
    type: 'consultation',
    title: 'Svar på remiss - Socialstyrelsens rapport Uppföljning av primärvården och omställningen till en mer nära vård, deluppdrag I - Nationell insamling av registeruppgifter från primärvården',
    rapporteur: 'Michaela Larsson',
    proposal: ['att godkänna Region Örebro läns svar till Socialdepartementet.'],
    summary:
      'Rapporten föreslår ett utökat nationellt patientregister där uppgifter från primärvården ska inkluderas. Regionen ställer sig positiv till att även primärvården ska kunna följas upp på nationell nivå då det skapar förutsättningar för att kunna belysa öppenvården som helhet.',
    supportingDocuments: ['Svar på remiss - Socialstyrelsens rapport Uppföljning av primärvård och omställningen till en mer nära vård', 'Remiss - slutrapport Nationell insamling av registeruppgifter från primärvården'],
    sendTo: [{ name: 'Socialdepartementet', email: 'socialdepartementet@example.se' }],
    outcome: 'approved',
    received: '2021-10-18',
  },
  {
    caseNumber: '21RS9241',
    type: 'procurement_initiation',
    title: 'Initiering av upphandlingsuppdrag, upphandling av distansgranskningstjänster till röntgen- och sjukhusfysikkliniken, område Specialiserad vård',
    rapporteur: 'Jonas Ulin',
    proposal: ['att initiera upphandling av distansgranskningstjänster för akuta och planerade undersökningar till röntgen- och sjukhusfysikkliniken.'],
    summary: 'Röntgen- och sjukhusfysikklinikens nuvarande avtal för distansgranskningstjänster löper ut 2022-12-31. Det finns ett kvarstående behov av distansgranskningstjänster och därför behöver tjänsterna upphandlas på nytt.',
    supportingDocuments: ['Blankett initiering av upphandling'],
    sendTo: [{ name: 'Upphandlingsenheten', email: 'upphandling@example.se' }],
    outcome: 'approved',
    received: '2021-10-25',
  },
  {
    caseNumber: '21RS9104',
    type: 'procurement_initiation',
    title: 'Initiering om upphandlingsuppdrag gällande röntgensystem för genomlysning till röntgenkliniken, Område specialiserad vård',
    rapporteur: 'Jonas Ulin',
    proposal: ['att initiera upphandlingsuppdrag gällande röntgensystem för genomlysning till röntgenkliniken, Område specialiserad vård.'],
    summary: 'Initiering avseende två röntgensystem för genomlysning till röntgenkliniken. Beräknat totalt upphandlingsvärde under utrustningens livslängd på tio år är cirka 20 000 000 kronor.',
    economy: 'Priset för utrustningar beräknas uppgå till cirka 13 500 000 kronor och serviceavtal till cirka 6 500 000 kronor.',
    supportingDocuments: ['Initieringsbeslut MT 2022-0005'],
    sendTo: [{ name: 'Upphandlingsenheten', email: 'upphandling@example.se' }],
    outcome: 'approved',
    received: '2021-10-20',
  },
  {
    caseNumber: '20RS2224',
    type: 'award_decision',
    title: 'Tilldelningsbeslut MT 2020-0004 gällande upphandling av ramavtal för dialysutrustning inklusive utrustningsbundet förbrukningsmaterial',
    rapporteur: 'Peter Westin',
    proposal: ['att tilldela xx, organisationsnummer xx som leverantör av dialysutrustning inklusive utrustningsbundet förbrukningsmaterial, samt', 'att paragrafen förklaras omedelbart justerad'],
    summary: 'Tilldelningen avser dialysutrustningar med tillhörande utrustningsbunden förbrukning till regionens dialysavdelningar. Genom en ramavtalsupphandling som är giltig till och med år 2025 kan de tre dialysverksamheterna inom länet erbjuda en god, patientsäker och jämlik njursjukvård.',
    supportingDocuments: ['Individuell rapport MT 2020-0004', 'Tilldelningsbeslut MT 2020-0004'],
    sendTo: [{ name: 'Upphandlingsenheten', email: 'upphandling@example.se' }],
    outcome: 'approved',
    received: '2020-03-10',
  },
  {
    caseNumber: '21RS3652',
    type: 'plan',
    title: 'Sjukvårdsregional cancerplan 2022-24: Utvecklingsplan för cancervården inom Sjukvårdsregion Mellansverige',
    rapporteur: 'Gustav Ekbäck',
    proposal: ['att godkänna föreslagen Cancerplan 2022-24 - Utvecklingsplan för cancervården inom Sjukvårdsregion Mellansverige.'],
    summary:
      'En ny Cancerplan för perioden 2022-2024 är framtagen och godkänd av samverkansnämnden 1 oktober 2021. Planen innehåller de utvecklingsområden som funnits med i föregående cancerplan, men med modifierade och nya aktiviteter. Ett nytt kapitel om barn och unga har tillkommit.',
    background: 'Samverkansnämnden (SVN) fastställde förslaget till Cancerplan 1 oktober 2021 och rekommenderar sjukvårdsregionens regioner att godkänna densamma.',
    supportingDocuments: ['Protokoll från möte med Samverkansnämnden Sjukvårdsregion Mellansverige 2021-10-01'],
    sendTo: [{ name: 'RCC Mellansverige', email: 'rcc-mellansverige@example.se' }],
    outcome: 'approved',
    received: '2021-10-05',
  },
  {
    caseNumber: '21RS8627',
    type: 'audit_report',
    title: 'Svar på revisionsrapport Granskning av 1177 Vårdguidens tjänster',
    rapporteur: 'Eva Åkesson Enelo',
    proposal: ['att godkänna de delar av Region Örebro läns förslag till svar på revisionsrapporten som berör hälso- och sjukvårdsnämnden.'],
    summary:
      'Revisorerna gör bedömningen att hälso- och sjukvårdsnämnden inte helt säkerställer att 1177 Vårdguidens tjänster bedrivs på ett ändamålsenligt sätt, samt att den interna kontrollen inte helt är tillräcklig ur ett medborgarperspektiv och ett verksamhetsperspektiv. Bedömningen har grundat sig på sju revisionsfrågor, varav tre anges som delvis uppfyllda för hälso- och sjukvårdsnämnden.',
    supportingDocuments: ['Hälso- och sjukvårdsnämndens svar på revisionsrapport - Granskning av 1177 Vårdguidens tjänster', 'Revisionsrapport - Granskning av 1177 Vårdguidens tjänster'],
    sendTo: [{ name: 'Regionens revisorer', email: 'revisorerna@example.se' }],
    outcome: 'approved',
    received: '2021-09-15',
  },
];

/** The delegated decisions the meeting was told of (agenda item 14); the days they were taken are the demo's own. */
const delegated = [
  { caseNumber: '21RS7901', title: 'Avtal för hyra av operationsrobot, MT 2021-0128', delegate: 'Hälso- och sjukvårdsdirektören', point: 'Delegationsordning 4.1', decidedOn: '2021-11-10' },
  { caseNumber: '21RS8935', title: 'Tillfällig neddragning och omdisponering av vårdplatser på avd 1, Lindesbergs lasarett 2021-10-25 – 2022-01-16', delegate: 'Områdeschefen för Nära vård', point: 'Delegationsordning 3.2', decidedOn: '2021-10-22' },
  { caseNumber: '21RS5682', title: 'Avgiftsfria läkemedel', delegate: 'Områdeschefen för Psykiatrin', point: 'Delegationsordning 5.3', decidedOn: '2021-11-03' },
  { caseNumber: '21RS1239', title: 'Tillfällig neddragning av vårdplatser vid psykiatrisk avdelning 2 samt omfördelning av vårdplatser vid psykiatrisk observationsavdelning 2021-11-30 – 2022-02-28', delegate: 'Områdeschefen för Psykiatrin', point: 'Delegationsordning 3.2', decidedOn: '2021-11-26' },
];

/** The audit's seven questions (seed 20448–21221) with the auditors' assessment for the committee. */
const auditQuestionsOf1177 = [
  ['Har användandet av 1177 vårdguidens tjänster utvecklats i önskvärd riktning sedan tidpunkten för föregående granskning?', 'met'],
  ['Finns en tillräcklig styrning avseende 1177 vårdguidens tjänster?', 'met'],
  ['Finns ett enhetligt utbud av 1177 vårdguidens e-tjänster inom regionen?', 'met'],
  ['Finns det etablerade arbetssätt för implementering av 1177 vårdguidens tjänster?', 'met'],
  ['Säkerställer regionen att 1177 vårdguidens tjänster är välfungerande ur ett medborgarperspektiv?', 'partly_met'],
  ['Sker en tillräcklig uppföljning avseende 1177 vårdguidens tjänster?', 'partly_met'],
  ['Vidtas aktiva åtgärder för att nå måluppfyllelse avseende 1177 vårdguidens tjänster i de fall rapportering och uppföljning påvisar avvikelser?', 'partly_met'],
] as const;

const recommendations1177 = [
  'Att stärka styrning och kontroll av 1177 Vårdguiden telefoni.',
  'Att aktiva åtgärder vidtas i syfte att säkerställa en systematisk uppföljning och utvärdering av 1177 Vårdguidens tjänster inom regionen.',
  'Att analys genomförs över vilka åtgärder som kan vidtas för att öka graden av kunskap och kännedom om 1177 Vårdguidens tjänster ur ett medborgarperspektiv.',
];

/** Three activities of the cancer plan's tables (seed line 12413: Aktivitet / Ansvarig / Tidsram). */
const cancerPlanActivities = [
  { title: 'Genomföra projekt för lokal stödverksamhet i regi av lokala cancerföreningar', owner: 'Patientföreningar med stöd av RCC Mellansverige', timeFrame: '2022-24', dueOn: '2024-12-31' },
  { title: 'Säkerställa att det finns skriftliga rutiner avseende barn som närstående som efterlevs i verksamheten (HSL 2017:30)', owner: 'Regionerna', timeFrame: '2022', dueOn: '2022-12-31' },
  { title: 'Utvärdera befintligt stöd för närstående, inklusive barn som närstående, samt vid behov arrangera utbildningsinsatser', owner: 'RCC:s sjuksköterskenätverk', timeFrame: '2022-23', dueOn: '2023-12-31' },
];

export async function loadGovernanceDemo(tx: Db, regionId: string) {
  const actor = systemActor(regionId, 'Nämndadministrationen (demo)');
  const registeredAt = new Date('2021-11-15T09:00:00Z');
  const heldOn = '2021-12-01';
  const [meeting] = await tx
    .insert(meetings)
    .values({ regionId, body: 'Hälso- och sjukvårdsnämnden', heldOn, startsAt: '09:00', place: 'Regionens hus, Eklundavägen 1, Örebro', chair: 'Karin Sundin', checkers: ['Behcet Barsom (KD)'], checkDeadline: '2021-12-15', createdBy: actor.name })
    .returning();
  const m = meeting!;
  let position = 0;
  const item = (values: Omit<typeof agendaItems.$inferInsert, 'regionId' | 'meetingId' | 'position'>) => tx.insert(agendaItems).values({ regionId, meetingId: m.id, position: ++position, decidedBy: actor.name, ...values });
  await item({ title: 'Protokollsjustering', decision: ['att ordföranden och Behcet Barsom (KD) justerar dagens protokoll med Peter Björk (S) som ersättare.'] });
  await item({ title: 'Anmälan av frågor' });

  const caseIds = new Map<string, string>();
  for (const s of items) {
    const caseId = await insertCase(tx, actor, { caseNumber: s.caseNumber, type: s.type, title: s.title, caseOfficer: s.rapporteur, receivedOn: s.received, unit: 'Hälso- och sjukvårdsförvaltningen', ...(s.type === 'citizen_proposal' ? { proposer: { name: 'Förslagsställaren (demo)', email: null, publishName: false } } : {}) }, registeredAt);
    caseIds.set(s.caseNumber, caseId);
    await tx.insert(memos).values({
      regionId,
      caseId,
      rapporteur: s.rapporteur,
      proposal: s.proposal,
      summary: s.summary,
      background: s.background ?? PREPARED,
      environment: NO_CONSEQUENCES,
      children: NO_CONSEQUENCES,
      genderEquality: NO_CONSEQUENCES,
      economy: s.economy ?? 'Förslag till beslut innebär inga ekonomiska konsekvenser.',
      supportingDocuments: s.supportingDocuments,
      sendTo: s.sendTo,
      updatedBy: actor.name,
    });
    await tx.insert(documents).values(s.supportingDocuments.map((title) => ({ regionId, caseId, title, body: `${title}. ${s.summary}`, registeredOn: s.received, registeredBy: actor.name })));
    await item({ caseId, title: s.title, rapporteur: s.rapporteur, decision: s.proposal, outcome: s.outcome });
    await tx.update(cases).set({ status: 'decided', outcome: s.outcome }).where(and(eq(cases.regionId, regionId), eq(cases.id, caseId)));
    await addEvent(tx, actor, caseId, 'committee', `Beslut, Hälso- och sjukvårdsnämnden § ${position}: ${s.proposal.join(' ')}`, heldOn);
  }
  // The motion goes on to the regional board and the assembly (the committee proposes, the assembly decides).
  await addEvent(tx, actor, caseIds.get('21RS2183')!, 'regional_board', 'Hälso- och sjukvårdsnämndens förslag överlämnat till regionstyrelsen', '2021-12-02');

  const reports = await insertCase(tx, actor, { caseNumber: '20RS12059', type: 'information', title: 'Anmälnings- och meddelandeärenden', receivedOn: '2020-12-01' }, registeredAt);
  await item({ caseId: reports, title: 'Anmälnings- och meddelandeärenden', decision: ['att godkänna redovisningen.'], outcome: 'approved' });
  for (const d of delegated) {
    const caseId = await insertCase(tx, actor, { caseNumber: d.caseNumber, type: 'delegated_decision', title: d.title, receivedOn: d.decidedOn }, registeredAt);
    await tx.insert(delegatedDecisions).values({ regionId, caseId, delegate: d.delegate, delegationPoint: d.point, decidedOn: d.decidedOn, summary: d.title, registeredBy: actor.name, registeredAt: registeredAt.toISOString() });
    await tx.update(cases).set({ status: 'decided' }).where(and(eq(cases.regionId, regionId), eq(cases.id, caseId)));
    await addEvent(tx, actor, caseId, 'delegate', `Beslut på delegation (${d.point}) av ${d.delegate}`, d.decidedOn);
  }

  const audit = caseIds.get('21RS8627')!;
  await tx.insert(auditQuestions).values(auditQuestionsOf1177.map(([question, assessment]) => ({ regionId, caseId: audit, question, assessment, updatedBy: actor.name })));
  await tx.insert(actions).values(recommendations1177.map((title) => ({ regionId, caseId: audit, source: 'audit_recommendation' as const, title, owner: 'Hälso- och sjukvårdsdirektören', ownerEmail: 'halso-och-sjukvardsdirektoren@example.se', dueOn: '2022-06-30', updatedBy: actor.name })));
  await tx.insert(actions).values(cancerPlanActivities.map((a) => ({ regionId, caseId: caseIds.get('21RS3652')!, source: 'plan_activity' as const, ...a, updatedBy: actor.name })));

  // Checked on 14 December by the chair and the named member, posted the day after.
  const [min] = await tx.insert(minutes).values({ regionId, meetingId: m.id }).returning();
  await tx.insert(signatures).values([
    { regionId, minutesId: min!.id, signer: 'Karin Sundin', signedAt: '2021-12-14T09:00:00Z', recordedBy: actor.name },
    { regionId, minutesId: min!.id, signer: 'Behcet Barsom (KD)', signedAt: '2021-12-14T10:00:00Z', recordedBy: actor.name },
  ]);
  const period = appealPeriod('2021-12-15');
  await tx.update(minutes).set({ checkedAt: '2021-12-14T10:00:00Z' }).where(and(eq(minutes.regionId, regionId), eq(minutes.id, min!.id)));
  await tx.update(minutes).set({ postedOn: '2021-12-15', appealFrom: period.from, appealUntil: period.until }).where(and(eq(minutes.regionId, regionId), eq(minutes.id, min!.id)));
}
