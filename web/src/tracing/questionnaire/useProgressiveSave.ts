import { useEffect, useRef, useState } from 'react';
import type { QuestionnaireAnswers } from './answers.js';
import { toSavable } from './answers.js';
import { useSaveQuestionnaire } from './questionnaireApi.js';

/** How long after the citizen leaves a field the answers are saved (typing on a phone moves focus often). */
export const SAVE_DELAY_MS = 800;

/**
 * Progressive saving of the questionnaire: `saveSoon` a moment after a field is left, `saveNow` on a step
 * change, and whatever is still pending when the form goes away. Answers equal to the last saved ones are
 * not sent again.
 */
export function useProgressiveSave(answers: QuestionnaireAnswers, savedAnswers: QuestionnaireAnswers) {
  const save = useSaveQuestionnaire();
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(toSavable(savedAnswers)));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(answers);
  useEffect(() => {
    latest.current = answers;
  }, [answers]);

  const cancelPending = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const saveNow = () => {
    cancelPending();
    const savable = toSavable(latest.current);
    const json = JSON.stringify(savable);
    if (json === savedJson) return;
    save.mutate({ answers: savable, submit: false }, { onSuccess: () => setSavedJson(json) });
  };

  const saveSoon = () => {
    cancelPending();
    timer.current = setTimeout(saveNow, SAVE_DELAY_MS);
  };

  const submit = () => {
    cancelPending();
    save.mutate({ answers: toSavable(latest.current), submit: true });
  };

  // Leaving the page with a save still waiting: send it now rather than lose it.
  const flush = useRef(saveNow);
  useEffect(() => {
    flush.current = saveNow;
  });
  useEffect(
    () => () => {
      if (timer.current !== null) flush.current();
    },
    [],
  );

  return {
    saveSoon,
    saveNow,
    submit,
    saving: save.isPending,
    error: save.error,
    /** Answers typed since the last save. */
    dirty: JSON.stringify(toSavable(answers)) !== savedJson,
    savedAt: save.data?.savedAt ?? null,
  };
}
