import { useState, type FormEvent } from 'react';
import { Button, Group, SimpleGrid, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { AuditFilters, FieldProblem } from '../api.js';
import { useT } from '../i18n/useT.js';

export interface AuditSearchFormProps {
  onSearch: (filters: AuditFilters) => void;
  /** Field problems from the last search, shown on the matching inputs. */
  fieldErrors: FieldProblem[];
  searching: boolean;
}

interface FormState {
  identityNumber: string;
  actorId: string;
  action: string;
  from: string | null;
  to: string | null;
}

const EMPTY: FormState = { identityNumber: '', actorId: '', action: '', from: null, to: null };

function toFilters(state: FormState): AuditFilters {
  const filters: AuditFilters = {};
  const identityNumber = state.identityNumber.trim();
  const actorId = state.actorId.trim();
  const action = state.action.trim();
  if (identityNumber) filters.identityNumber = identityNumber;
  if (actorId) filters.actorId = actorId;
  if (action) filters.action = action;
  if (state.from) filters.from = state.from;
  if (state.to) filters.to = state.to;
  return filters;
}

export function AuditSearchForm({ onSearch, fieldErrors, searching }: AuditSearchFormProps) {
  const { t } = useT();
  const [state, setState] = useState<FormState>(EMPTY);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const errorFor = (field: keyof FormState) => fieldErrors.find((e) => e.field === field)?.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(toFilters(state));
  };

  return (
    <form role="search" aria-labelledby="audit-search-heading" onSubmit={submit} noValidate>
      <Title order={2} size="h3" id="audit-search-heading" mb="sm">
        {t('audit.searchHeading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <TextInput
          label={t('audit.identityNumber')}
          description={t('audit.identityNumberHelp')}
          value={state.identityNumber}
          onChange={(e) => set('identityNumber', e.currentTarget.value)}
          error={errorFor('identityNumber')}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextInput
          label={t('audit.actorId')}
          value={state.actorId}
          onChange={(e) => set('actorId', e.currentTarget.value)}
          error={errorFor('actorId')}
          autoComplete="off"
        />
        <TextInput
          label={t('audit.action')}
          value={state.action}
          onChange={(e) => set('action', e.currentTarget.value)}
          error={errorFor('action')}
          autoComplete="off"
        />
        <DateInput
          label={t('audit.from')}
          description={t('audit.dateHelp')}
          placeholder={t('audit.dateHelp')}
          valueFormat="YYYY-MM-DD"
          value={state.from}
          onChange={(value) => set('from', value)}
          error={errorFor('from')}
          clearable
        />
        <DateInput
          label={t('audit.to')}
          description={t('audit.dateHelp')}
          placeholder={t('audit.dateHelp')}
          valueFormat="YYYY-MM-DD"
          value={state.to}
          onChange={(value) => set('to', value)}
          error={errorFor('to')}
          minDate={state.from ?? undefined}
          clearable
        />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={searching}>
          {t('audit.search')}
        </Button>
        <Button type="button" variant="default" onClick={() => setState(EMPTY)}>
          {t('audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
