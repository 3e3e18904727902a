import { Badge, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { DateTime } from '../../components/DateTime.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CaptionedTable } from '../../components/CaptionedTable.js';
import { CasePanel } from '../CasePanel.js';
import { PhoneLink } from '../PhoneLink.js';
import { AddContactForm } from './AddContactForm.js';
import { useChooseContactsInformer, useInformContact, type CaseDetail, type Contact, type ContactStatus } from './caseApi.js';

const STATUS_COLOURS: Record<ContactStatus, string> = { named: 'gray', informed: 'blue', tested: 'cyan', positive: 'red', negative: 'green' };

export interface ContactsPanelProps {
  tracingCase: CaseDetail;
  contacts: readonly Contact[];
  /** False for a closed case or a role that only reads. */
  editable: boolean;
}

/** The index's contacts, who informs them, and the tracer's own additions. */
export function ContactsPanel({ tracingCase, contacts, editable }: ContactsPanelProps) {
  const { t } = useT();
  const inform = useInformContact(tracingCase.id);
  return (
    <CasePanel id="case-contacts" title={t('tracing.case.contacts.title')}>
      <Stack gap="md">
        <InformerChoice tracingCase={tracingCase} editable={editable} />
        {inform.isError && <ProblemAlert error={inform.error} />}
        {contacts.length === 0 ? (
          <Text>{t('tracing.case.contacts.none')}</Text>
        ) : (
          <CaptionedTable
            striped
            caption={t('tracing.case.contacts.caption')}
            columns={[
              t('tracing.case.contacts.name'),
              t('tracing.case.contacts.relation'),
              t('tracing.case.contacts.exposure'),
              t('tracing.case.contacts.status'),
              t('tracing.case.contacts.informed'),
            ]}
            minWidth={760}
          >
            {contacts.map((c) => (
              <ContactRow key={c.id} contact={c} onInform={editable ? () => inform.mutate(c.id) : null} informing={inform.isPending} />
            ))}
          </CaptionedTable>
        )}
        {editable && <AddContactForm caseId={tracingCase.id} />}
      </Stack>
    </CasePanel>
  );
}

function InformerChoice({ tracingCase, editable }: { tracingCase: CaseDetail; editable: boolean }) {
  const { t } = useT();
  const choose = useChooseContactsInformer(tracingCase.id);
  return (
    <div>
      <Radio.Group
        label={t('tracing.case.contacts.informedByLabel')}
        description={t('tracing.case.contacts.informedByHelp')}
        value={tracingCase.contactsInformedBy ?? ''}
        onChange={(by) => choose.mutate(by as 'index' | 'tracer')}
      >
        <Group mt="xs">
          <Radio value="index" label={t('tracing.case.contacts.informedBy.index')} disabled={!editable || choose.isPending} />
          <Radio value="tracer" label={t('tracing.case.contacts.informedBy.tracer')} disabled={!editable || choose.isPending} />
        </Group>
      </Radio.Group>
      {choose.isError && <ProblemAlert error={choose.error} />}
    </div>
  );
}

function ContactRow({ contact: c, onInform, informing }: { contact: Contact; onInform: (() => void) | null; informing: boolean }) {
  const { t } = useT();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {c.name}
        {c.phone && (
          <Text size="sm" fw={400}>
            <PhoneLink phone={c.phone} />
          </Text>
        )}
      </Table.Th>
      <Table.Td>{t(`tracing.case.contacts.relations.${c.relation}`)}</Table.Td>
      <Table.Td>
        {[c.context, c.exposureDate].filter(Boolean).join(', ') || '–'}
        {c.outsideInfectiousPeriod && (
          <Badge color="orange" variant="light" tt="none" ml={4}>
            {t('tracing.case.contacts.outsidePeriod')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOURS[c.status]} variant="light" tt="none">
          {t(`tracing.case.contacts.statuses.${c.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {c.informedAt ? (
          <Text size="sm">
            <DateTime iso={c.informedAt} />
            {c.informedBy && ` · ${t(`tracing.case.contacts.by.${c.informedBy}`)}`}
          </Text>
        ) : onInform ? (
          <Button size="xs" variant="light" onClick={onInform} disabled={informing} aria-label={t('tracing.case.contacts.informLabel', { name: c.name })}>
            {t('tracing.case.contacts.inform')}
          </Button>
        ) : (
          t('tracing.case.contacts.notInformed')
        )}
      </Table.Td>
    </Table.Tr>
  );
}
