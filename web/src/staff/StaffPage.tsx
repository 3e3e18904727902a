import { Alert, Badge, Button, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api.js';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { ROLES, type StaffRole } from '../navigation.js';
import { useChangeStaff, useCreateStaff, useStaff, type StaffAccount } from './staffApi.js';

const STAFF_ROLES = ROLES.filter((r): r is StaffRole => r !== 'citizen');

function RoleSelect({ label, value, onChange, error }: { label: string; value: StaffRole; onChange: (role: StaffRole) => void; error?: string | undefined }) {
  const { t } = useT();
  return (
    <NativeSelect
      label={label}
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value as StaffRole)}
      data={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
    />
  );
}

function AddStaffForm({ onDone }: { onDone: (text: string) => void }) {
  const { t } = useT();
  const create = useCreateStaff();
  const [form, setForm] = useState({ name: '', role: 'tracer' as StaffRole, email: '', oidcSubject: '' });
  const fieldError = (field: string) => (isApiError(create.error) ? create.error.fieldErrors.find((e) => e.field === field)?.message : undefined);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = { name: form.name.trim(), role: form.role, ...(form.email.trim() ? { email: form.email.trim() } : {}), ...(form.oidcSubject.trim() ? { oidcSubject: form.oidcSubject.trim() } : {}) };
    create.mutate(body, {
      onSuccess: (created) => {
        onDone(t('staff.create.created', { name: created.name, role: t(`roles.${created.role}`).toLocaleLowerCase() }));
        setForm({ name: '', role: form.role, email: '', oidcSubject: '' });
      },
    });
  };
  return (
    <Paper withBorder p="md" mb="xl" maw={820} component="form" onSubmit={submit} noValidate aria-labelledby="add-staff-heading">
      <Title order={2} size="h3" id="add-staff-heading" mb="sm">
        {t('staff.create.heading')}
      </Title>
      {create.isError && fieldError('name') === undefined && fieldError('oidcSubject') === undefined && fieldError('email') === undefined && <ProblemAlert error={create.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('staff.create.name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={fieldError('name')} autoComplete="off" />
        <RoleSelect label={t('staff.create.role')} value={form.role} onChange={(role) => setForm({ ...form, role })} error={fieldError('role')} />
        <TextInput label={t('staff.create.email')} description={t('staff.create.emailHelp')} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={fieldError('email')} autoComplete="off" />
        <TextInput label={t('staff.create.oidcSubject')} description={t('staff.create.oidcSubjectHelp')} value={form.oidcSubject} onChange={(e) => setForm({ ...form, oidcSubject: e.currentTarget.value })} error={fieldError('oidcSubject')} autoComplete="off" />
      </SimpleGrid>
      <Button type="submit" mt="md" loading={create.isPending}>
        {t('staff.create.submit')}
      </Button>
    </Paper>
  );
}

function StaffRow({ account, onChanged }: { account: StaffAccount; onChanged: (text: string) => void }) {
  const { t } = useT();
  const change = useChangeStaff();
  const apply = (body: { role?: StaffRole; active?: boolean }) =>
    change.mutate({ id: account.id, change: body }, { onSuccess: (updated) => onChanged(t('staff.changed', { name: updated.name })) });
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {account.name}
      </Table.Th>
      <Table.Td miw={220}>
        <NativeSelect
          aria-label={t('staff.roleOf', { name: account.name })}
          value={account.role}
          disabled={change.isPending}
          onChange={(e) => apply({ role: e.currentTarget.value as StaffRole })}
          data={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={change.isError ? ' ' : undefined}
        />
      </Table.Td>
      <Table.Td>{account.unitName ?? t('staff.noUnit')}</Table.Td>
      <Table.Td>{account.email ?? t('staff.noUnit')}</Table.Td>
      <Table.Td>
        <Badge color={account.active ? 'green' : 'gray'} variant="light" tt="none">
          {account.active ? t('staff.active') : t('staff.inactive')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant={account.active ? 'light' : 'filled'}
          color={account.active ? 'red' : undefined}
          loading={change.isPending}
          onClick={() => apply({ active: !account.active })}
          aria-label={t(account.active ? 'staff.deactivateLabel' : 'staff.activateLabel', { name: account.name })}
        >
          {account.active ? t('staff.deactivate') : t('staff.activate')}
        </Button>
        {change.isError && <ProblemAlert error={change.error} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** `/admin/staff` (region_admin): the region's staff accounts; add one, change a role, deactivate. */
export function StaffPage() {
  const { t } = useT();
  const staff = useStaff();
  const [notice, setNotice] = useState<string | null>(null);
  const columns = [t('staff.columns.name'), t('staff.columns.role'), t('staff.columns.unit'), t('staff.columns.email'), t('staff.columns.status'), t('staff.columns.action')];
  return (
    <>
      <PageHeading title={t('staff.title')} />
      <Text mb="lg" maw={720}>
        {t('staff.intro')}
      </Text>
      <AddStaffForm onDone={setNotice} />
      {notice && (
        <Alert color="green" variant="light" role="status" mb="md" maw={720}>
          {notice}
        </Alert>
      )}
      {staff.isPending && <PageLoader />}
      {staff.isError && <ProblemAlert error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.data && staff.data.staff.length === 0 && <Text>{t('staff.empty')}</Text>}
      {staff.data && staff.data.staff.length > 0 && (
        <CaptionedTable caption={t('staff.caption')} columns={columns} minWidth={900} striped>
          {staff.data.staff.map((account) => (
            <StaffRow key={account.id} account={account} onChanged={setNotice} />
          ))}
        </CaptionedTable>
      )}
    </>
  );
}
