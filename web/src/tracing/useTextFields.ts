import { useState } from 'react';

/** State for a form of plain text inputs: `field(key)` gives an input its value and change handler. */
export function useTextFields<T extends Record<string, string>>(empty: T) {
  const [values, setValues] = useState(empty);
  const field = (key: keyof T & string) => ({
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [key]: value }));
    },
  });
  return { values, field, reset: () => setValues(empty) };
}
