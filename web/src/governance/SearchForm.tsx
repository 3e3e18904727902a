import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useT } from '../i18n/useT.js';
import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType, type Filters } from './governanceApi.js';

/** Words and filters (type, year, status) for the staff search and the public register. */
export function SearchForm({ onSearch }: { onSearch: (f: Filters) => void }) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const [type, setType] = useState<CaseType | ''>('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [year, setYear] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ q: q.trim(), type, status, year: /^\d{4}$/.test(year) ? year : '' });
  };
  return (
    <form onSubmit={submit} role="search" noValidate>
      <Group align="flex-end" mb="md">
        <TextInput label={t('governance.search.query')} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 2 }} />
        <NativeSelect label={t('governance.cases.type')} value={type} onChange={(e) => setType(e.currentTarget.value as CaseType | '')} data={[{ value: '', label: t('governance.search.anyType') }, ...CASE_TYPES.map((v) => ({ value: v, label: t(`governance.types.${v}`) }))]} />
        <NativeSelect label={t('governance.cases.columns.status')} value={status} onChange={(e) => setStatus(e.currentTarget.value as CaseStatus | '')} data={[{ value: '', label: t('governance.search.anyStatus') }, ...CASE_STATUSES.map((v) => ({ value: v, label: t(`governance.statuses.${v}`) }))]} />
        <TextInput label={t('governance.search.year')} value={year} onChange={(e) => setYear(e.currentTarget.value)} w={90} inputMode="numeric" />
        <Button type="submit">{t('governance.search.submit')}</Button>
      </Group>
    </form>
  );
}
