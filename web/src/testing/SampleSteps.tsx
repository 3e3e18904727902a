import { VisuallyHidden } from '@mantine/core';
import { useT } from '../i18n/useT.js';

export const STEPS = ['ordered', 'registered', 'received', 'analysed', 'answered'] as const;
export type Step = (typeof STEPS)[number];

/** The five steps of a self-test from order to answer, the current one marked for screen readers too. */
export function SampleSteps({ current }: { current: Step }) {
  const { t } = useT();
  const index = STEPS.indexOf(current);
  return (
    <ol className="testing-steps" aria-label={t('testing.mine.stepsLabel')}>
      {STEPS.map((step, i) => {
        const state = i < index ? 'done' : i === index ? 'current' : 'todo';
        return (
          <li key={step} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            {t(`testing.steps.${step}`)}
            {state === 'done' && <VisuallyHidden> ({t('testing.mine.stepDone')})</VisuallyHidden>}
            {state === 'current' && <VisuallyHidden> ({t('testing.mine.stepCurrent')})</VisuallyHidden>}
          </li>
        );
      })}
    </ol>
  );
}
