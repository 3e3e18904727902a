import { useEffect, useState } from 'react';
import { toDataURL } from 'qrcode';
import { useT } from '../i18n/useT.js';

/** What a kit's QR code holds: a link to the registration page that ends in the code (the server accepts both). */
export function kitQrText(code: string): string {
  return `${window.location.origin}/testing/register?kit=${code}`;
}

/** One printable label: the QR code and, under it, the code as text (for typing when there is no camera). */
export function KitLabel({ code, caption }: { code: string; caption?: string }) {
  const { t } = useT();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    toDataURL(kitQrText(code), { errorCorrectionLevel: 'M', margin: 1, width: 256 })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [code]);
  return (
    <li className="kit-label">
      {src ? <img src={src} alt={t('testing.lab.qrAlt', { code })} /> : <div style={{ height: 128 }} />}
      {caption && <div style={{ fontSize: 12 }}>{caption}</div>}
      <div className="kit-label-code" data-kit-code={code}>
        {code}
      </div>
    </li>
  );
}
