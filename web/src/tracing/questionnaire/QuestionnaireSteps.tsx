import { Checkbox, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../../i18n/useT.js';
import { swedishDate } from '../../testing/statistics/api.js';
import { SETTING_KINDS, type CloseContact, type HouseholdMember, type QuestionnaireAnswers, type Setting, type SettingKind } from './answers.js';
import { EditableList } from './EditableList.js';

export interface StepProps {
  answers: QuestionnaireAnswers;
  onChange: (patch: Partial<QuestionnaireAnswers>) => void;
}

export function SymptomsStep({ answers, onChange }: StepProps) {
  const { t } = useT();
  return (
    <Stack gap="md">
      <Text>{t('tracing.questionnaire.symptoms.intro')}</Text>
      <TextInput
        type="date"
        label={t('tracing.questionnaire.symptoms.onset')}
        max={swedishDate()}
        value={answers.symptomOnset ?? ''}
        disabled={answers.noSymptoms === true}
        onChange={(e) => onChange({ symptomOnset: e.currentTarget.value })}
      />
      <Checkbox
        label={t('tracing.questionnaire.symptoms.none')}
        checked={answers.noSymptoms === true}
        onChange={(e) => onChange({ noSymptoms: e.currentTarget.checked })}
      />
    </Stack>
  );
}

export function HouseholdStep({ answers, onChange }: StepProps) {
  const { t } = useT();
  return (
    <Stack gap="md">
      <Text>{t('tracing.questionnaire.household.intro')}</Text>
      <EditableList<HouseholdMember>
        items={answers.household ?? []}
        onChange={(household) => onChange({ household })}
        newItem={() => ({ id: crypto.randomUUID(), name: '' })}
        itemTitle={(i) => t('tracing.questionnaire.household.item', { n: i + 1 })}
        addLabel={t('tracing.questionnaire.household.add')}
        removeLabel={(i) => t('tracing.questionnaire.household.remove', { n: i + 1 })}
        empty={t('tracing.questionnaire.household.empty')}
        renderFields={(member, update) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput label={t('tracing.questionnaire.name')} required value={member.name} onChange={(e) => update({ name: e.currentTarget.value })} />
            <TextInput
              label={t('tracing.questionnaire.identityNumber')}
              inputMode="numeric"
              value={member.identityNumber ?? ''}
              onChange={(e) => update({ identityNumber: e.currentTarget.value })}
            />
            <TextInput label={t('tracing.questionnaire.phone')} type="tel" value={member.phone ?? ''} onChange={(e) => update({ phone: e.currentTarget.value })} />
          </SimpleGrid>
        )}
      />
    </Stack>
  );
}

export function CloseContactsStep({ answers, onChange }: StepProps) {
  const { t } = useT();
  return (
    <Stack gap="md">
      <Text>{t('tracing.questionnaire.closeContacts.intro')}</Text>
      <EditableList<CloseContact>
        items={answers.closeContacts ?? []}
        onChange={(closeContacts) => onChange({ closeContacts })}
        newItem={() => ({ id: crypto.randomUUID(), name: '' })}
        itemTitle={(i) => t('tracing.questionnaire.closeContacts.item', { n: i + 1 })}
        addLabel={t('tracing.questionnaire.closeContacts.add')}
        removeLabel={(i) => t('tracing.questionnaire.closeContacts.remove', { n: i + 1 })}
        empty={t('tracing.questionnaire.closeContacts.empty')}
        renderFields={(contact, update) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput label={t('tracing.questionnaire.name')} required value={contact.name} onChange={(e) => update({ name: e.currentTarget.value })} />
            <TextInput label={t('tracing.questionnaire.phone')} type="tel" value={contact.phone ?? ''} onChange={(e) => update({ phone: e.currentTarget.value })} />
            <TextInput
              label={t('tracing.questionnaire.closeContacts.context')}
              description={t('tracing.questionnaire.closeContacts.contextHelp')}
              value={contact.context ?? ''}
              onChange={(e) => update({ context: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              max={swedishDate()}
              label={t('tracing.questionnaire.closeContacts.lastContact')}
              value={contact.lastContact ?? ''}
              onChange={(e) => update({ lastContact: e.currentTarget.value })}
            />
          </SimpleGrid>
        )}
      />
    </Stack>
  );
}

export function SettingsStep({ answers, onChange }: StepProps) {
  const { t } = useT();
  return (
    <Stack gap="md">
      <Text>{t('tracing.questionnaire.settings.intro')}</Text>
      <EditableList<Setting>
        items={answers.settings ?? []}
        onChange={(settings) => onChange({ settings })}
        newItem={() => ({ kind: 'workplace', name: '' })}
        itemTitle={(i) => t('tracing.questionnaire.settings.item', { n: i + 1 })}
        addLabel={t('tracing.questionnaire.settings.add')}
        removeLabel={(i) => t('tracing.questionnaire.settings.remove', { n: i + 1 })}
        empty={t('tracing.questionnaire.settings.empty')}
        renderFields={(setting, update) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <NativeSelect
              label={t('tracing.questionnaire.settings.kind')}
              data={SETTING_KINDS.map((kind) => ({ value: kind, label: t(`tracing.settingKinds.${kind}`) }))}
              value={setting.kind}
              onChange={(e) => update({ kind: e.currentTarget.value as SettingKind })}
            />
            <TextInput label={t('tracing.questionnaire.settings.name')} required value={setting.name} onChange={(e) => update({ name: e.currentTarget.value })} />
            {setting.kind === 'school_class' && (
              <TextInput label={t('tracing.questionnaire.settings.schoolClass')} value={setting.schoolClass ?? ''} onChange={(e) => update({ schoolClass: e.currentTarget.value })} />
            )}
            <TextInput type="date" max={swedishDate()} label={t('tracing.questionnaire.settings.date')} value={setting.date ?? ''} onChange={(e) => update({ date: e.currentTarget.value })} />
          </SimpleGrid>
        )}
      />
    </Stack>
  );
}

export function TravelStep({ answers, onChange }: StepProps) {
  const { t } = useT();
  const value = answers.travelledAbroad === undefined ? '' : answers.travelledAbroad ? 'yes' : 'no';
  return (
    <Stack gap="md">
      <Radio.Group label={t('tracing.questionnaire.travel.question')} value={value} onChange={(v) => onChange({ travelledAbroad: v === 'yes' })}>
        <Group mt="xs">
          <Radio value="yes" label={t('tracing.questionnaire.yes')} />
          <Radio value="no" label={t('tracing.questionnaire.no')} />
        </Group>
      </Radio.Group>
      {answers.travelledAbroad && (
        <TextInput label={t('tracing.questionnaire.travel.country')} value={answers.travelCountry ?? ''} onChange={(e) => onChange({ travelCountry: e.currentTarget.value })} />
      )}
    </Stack>
  );
}
