import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useT, type TKey } from '../i18n/useT.js';
import { decodeQr } from './decodeQr.js';

export interface QrScannerProps {
  /** Called once with the text of the first QR code seen; the camera is turned off first. */
  onCode: (text: string) => void;
}

type CameraProblem = 'denied' | 'noCamera' | 'unsupported' | 'failed';

const problemKey: Record<CameraProblem, TKey> = {
  denied: 'testing.scanner.denied',
  noCamera: 'testing.scanner.noCamera',
  unsupported: 'testing.scanner.unsupported',
  failed: 'testing.scanner.failed',
};

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'noCamera';
  return 'failed';
}

/**
 * Reads a QR code with the device's camera: the user starts the camera with a button, frames are drawn
 * on a canvas and decoded by jsQR, and the camera is turned off as soon as a code is read (or on "stop",
 * or when the component goes away). A denied permission or a missing camera is explained, not thrown.
 */
export function QrScanner({ onCode }: QrScannerProps) {
  const { t } = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const frameRef = useRef<number | null>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [running, setRunning] = useState(false);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [found, setFound] = useState<string | null>(null);

  const stop = useCallback(() => {
    if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
    frameRef.current = null;
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setRunning(false);
  }, []);

  useEffect(() => stop, [stop]);

  const scanFrame = useCallback(() => {
    const video = videoRef.current;
    if (!video || !streamRef.current) return;
    if (video.readyState >= video.HAVE_ENOUGH_DATA && video.videoWidth > 0) {
      const canvas = (canvasRef.current ??= document.createElement('canvas'));
      // Decoding a smaller frame is faster and still reads a label held up to the camera.
      const scale = Math.min(1, 640 / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (context) {
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const text = decodeQr(context.getImageData(0, 0, canvas.width, canvas.height));
        if (text) {
          stop();
          setFound(text);
          onCodeRef.current(text);
          return;
        }
      }
    }
    frameRef.current = requestAnimationFrame(scanFrame);
  }, [stop]);

  const start = async () => {
    setProblem(null);
    setFound(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('unsupported');
      return;
    }
    setStarting(true);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      streamRef.current = stream;
      const video = videoRef.current;
      if (video) {
        video.srcObject = stream;
        await video.play().catch(() => {});
      }
      setRunning(true);
      frameRef.current = requestAnimationFrame(scanFrame);
    } catch (error) {
      stop();
      setProblem(problemOf(error));
    } finally {
      setStarting(false);
    }
  };

  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm" c="dimmed">
        {t('testing.scanner.intro')}
      </Text>
      <Group>
        {running ? (
          <Button variant="outline" onClick={stop}>
            {t('testing.scanner.stop')}
          </Button>
        ) : (
          <Button variant="light" onClick={() => void start()} loading={starting}>
            {t('testing.scanner.start')}
          </Button>
        )}
      </Group>
      <video
        ref={videoRef}
        className="testing-video"
        muted
        playsInline
        aria-label={t('testing.scanner.videoLabel')}
        hidden={!running}
      />
      {running && (
        <Text size="sm" role="status">
          {t('testing.scanner.scanning')}
        </Text>
      )}
      {found && (
        <Text size="sm" role="status">
          {t('testing.scanner.found', { code: found })}
        </Text>
      )}
      {problem && (
        <Alert color="yellow" variant="light" role="alert" maw={560}>
          {t(problemKey[problem])}
        </Alert>
      )}
    </Stack>
  );
}
