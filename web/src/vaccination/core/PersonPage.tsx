import { Alert, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { vaccineName, vaccineOptions } from './BookingCard.js';
import { fieldErrorOf, inLanguage } from './fieldErrors.js';
import { dayAndTime, swedishDay } from './format.js';
import { PersonSearch } from './PersonSearch.js';
import { Problem } from './Problem.js';
import { StaffBookings } from './StaffBookings.js';
import { PersonAdverseEvents } from '../adverse-events/PersonAdverseEvents.js';
import { usePersonRecord, useProducts, useRecordDose, useSetRiskGroup, useSites, vaccineParam, type DoseDeviation, type StaffPersonRecord, type Vaccine } from './vaccinationApi.js';

function RecordDoseForm({ record, bookingId, initialSite, initialVaccine }: { record: StaffPersonRecord; bookingId: string | null; initialSite: string | null; initialVaccine: Vaccine }) {
  const { t, language } = useT();
  const sites = useSites();
  const products = useProducts();
  const recordDose = useRecordDose();
  const serverError = fieldErrorOf(recordDose.error);
  /** The server's refusal of a field, at its input, in the page's language. */
  const errorOf = (field: string) => {
    const message = serverError(field);
    return message && inLanguage(message, language);
  };
  const [vaccine, setVaccine] = useState<Vaccine>(initialVaccine);
  const eligibility = vaccine === 'influenza' ? record.eligibility.influenza : record.eligibility.covid;
  const given = record.doses.filter((d) => d.vaccine === vaccine).length;
  const [chosenSite, setChosenSite] = useState(initialSite ?? '');
  const [productCode, setProductCode] = useState('');
  const [batchNumber, setBatchNumber] = useState('');
  const [doseNumber, setDoseNumber] = useState<number>(given + 1);
  const [outside, setOutside] = useState('');
  const [givenElsewhere, setGivenElsewhere] = useState(false);
  const [fromOtherSite, setFromOtherSite] = useState(false);
  const [chosenBatchSite, setChosenBatchSite] = useState('');
  useEffect(() => setDoseNumber(given + 1), [given]);
  const productList = (products.data?.products ?? []).filter((p) => p.vaccine === vaccine);
  const siteList = sites.data?.sites ?? [];
  const siteId = chosenSite || siteList[0]?.id || '';
  const booking = bookingId ? record.bookings.find((b) => b.id === bookingId && b.vaccine === vaccine && b.status === 'booked') : undefined;
  // A dose given at another site than booked, or with a vial from another site's stock, says so (the stock of the batch's site is drawn).
  const atAnotherSite = booking !== undefined && booking.siteId !== siteId;
  const otherSites = siteList.filter((s) => s.id !== siteId);
  const batchSiteId = fromOtherSite ? chosenBatchSite || otherSites[0]?.id || '' : '';
  const deviations: DoseDeviation[] = [...(atAnotherSite && givenElsewhere ? (['given_elsewhere'] as const) : []), ...(fromOtherSite ? (['batch_from_other_site'] as const) : [])];
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    recordDose.mutate({
      personId: record.person.id,
      siteId,
      vaccine,
      productCode: productCode || productList[0]?.code || '',
      batchNumber,
      doseNumber,
      ...(booking ? { bookingId: booking.id } : {}),
      ...(outside.trim() ? { outsideRecommendation: outside.trim() } : {}),
      ...(deviations.length ? { deviations } : {}),
      ...(batchSiteId ? { batchSiteId } : {}),
    });
  };
  if (recordDose.data) {
    const { dose, next } = recordDose.data;
    return (
      <Alert color="green" variant="light" role="status" title={t('vaccination.record.doneTitle')}>
        <Text>{t('vaccination.record.done', { dose: dose.doseNumber, product: dose.productName, batch: dose.batchNumber })}</Text>
        <Text size="sm" mt="xs">
          {next.from ? t('vaccination.record.next', { dose: next.doseNumber ?? '', date: next.from }) : t('vaccination.record.noNext')}
          {next.suggestedSlot ? ` ${t('vaccination.record.suggested', { time: dayAndTime(next.suggestedSlot.startsAt) })}` : ''}
        </Text>
        <Text size="sm">{next.reason}</Text>
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="record-heading">
      <Title order={2} size="h3" id="record-heading" mb="xs">
        {t('vaccination.record.heading')}
      </Title>
      {booking && <Text size="sm" mb="sm">{t('vaccination.record.forBooking', { time: dayAndTime(booking.startsAt), site: booking.siteName })}</Text>}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('vaccination.my.vaccine')} value={vaccine} onChange={(e) => (setVaccine(e.currentTarget.value as Vaccine), setProductCode(''))} data={vaccineOptions(t)} />
          <NativeSelect label={t('vaccination.record.site')} value={siteId} onChange={(e) => setChosenSite(e.currentTarget.value)} data={siteList.map((s) => ({ value: s.id, label: s.name }))} error={errorOf('siteId')} />
          <NativeSelect label={t('vaccination.my.product')} value={productCode || productList[0]?.code || ''} onChange={(e) => setProductCode(e.currentTarget.value)} data={productList.map((p) => ({ value: p.code, label: p.name }))} />
          <TextInput label={t('vaccination.record.batch')} value={batchNumber} onChange={(e) => setBatchNumber(e.currentTarget.value)} required autoComplete="off" error={errorOf('batchNumber')} />
          <NumberInput label={t('vaccination.my.dose')} value={doseNumber} onChange={(v) => setDoseNumber(Number(v) || 1)} min={1} max={20} />
        </SimpleGrid>
        {atAnotherSite && <Checkbox label={t('vaccination.record.givenElsewhere', { site: booking.siteName })} checked={givenElsewhere} onChange={(e) => setGivenElsewhere(e.currentTarget.checked)} error={errorOf('deviations')} />}
        <Checkbox label={t('vaccination.record.fromOtherSite')} checked={fromOtherSite} onChange={(e) => setFromOtherSite(e.currentTarget.checked)} />
        {fromOtherSite && (
          <NativeSelect label={t('vaccination.record.batchSite')} value={batchSiteId} onChange={(e) => setChosenBatchSite(e.currentTarget.value)} data={otherSites.map((s) => ({ value: s.id, label: s.name }))} error={errorOf('batchSiteId')} maw={360} />
        )}
        {!eligibility.eligible && <Textarea label={t('vaccination.record.outside')} description={eligibility.reason} value={outside} onChange={(e) => setOutside(e.currentTarget.value)} />}
        {recordDose.isError && <Problem error={recordDose.error} />}
        <div>
          <Button type="submit" loading={recordDose.isPending} disabled={!batchNumber.trim() || !siteId}>
            {t('vaccination.record.submit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

/** `/vaccination/person` (vaccinator): find the person, check eligibility with the reason, move or cancel their bookings, record the dose. */
export function PersonPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const personId = params.get('id');
  const record = usePersonRecord(personId);
  const risk = useSetRiskGroup();
  const vaccine = vaccineParam(params.get('vaccine'));
  const r = record.data;
  return (
    <>
      <PageHeading title={t('vaccination.person.title')} />
      <Stack gap="lg" maw={820}>
        {!personId && <PersonSearch onPerson={(p) => setParams({ id: p.id })} />}
        {record.isError && <ProblemAlert error={record.error} />}
        {r && (
          <>
            <Paper withBorder p="md" component="section" aria-labelledby="person-heading">
              <Group justify="space-between">
                <Title order={2} size="h3" id="person-heading">
                  {t('vaccination.person.heading', { name: r.person.name, identityNumber: r.person.identityNumber ?? '', age: r.person.age ?? '' })}
                </Title>
                <Button variant="subtle" onClick={() => setParams({})}>
                  {t('vaccination.person.change')}
                </Button>
              </Group>
              <Stack gap="xs" mt="sm">
                {[r.eligibility.covid, r.eligibility.influenza].map((e) => (
                  <Text key={e.vaccine} size="sm" component="div">
                    <Badge mr="xs" color={e.eligible ? 'green' : 'gray'}>
                      {vaccineName(t, e.vaccine)}
                    </Badge>
                    {e.reason}
                  </Text>
                ))}
                <Switch mt="xs" label={t('vaccination.person.riskGroup')} checked={r.riskGroup} onChange={(e) => risk.mutate({ personId: r.person.id, riskGroup: e.currentTarget.checked })} />
                <Text size="sm">{r.doses.length ? t('vaccination.person.doses', { list: r.doses.map((d) => `${d.doseNumber}: ${swedishDay(d.administeredAt)} ${d.productName}`).join('; ') }) : t('vaccination.my.noDoses')}</Text>
              </Stack>
              <StaffBookings bookings={r.bookings} />
            </Paper>
            <RecordDoseForm key={r.person.id} record={r} bookingId={params.get('booking')} initialSite={params.get('site')} initialVaccine={vaccine} />
            <PersonAdverseEvents key={`adverse-${r.person.id}`} personId={r.person.id} doses={r.doses} />
          </>
        )}
      </Stack>
    </>
  );
}
