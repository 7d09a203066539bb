/**
 * The order desk's alert: two short tones made with Web Audio, so the app ships no sound file
 * and plays the same in the desktop shell and a browser. Browsers start audio only after the
 * user has interacted with the page, which signing in already did.
 */
let context: AudioContext | null = null;

export function playAlertTone(): void {
  const Ctor = window.AudioContext;
  if (!Ctor) return;
  try {
    context ??= new Ctor();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.22, 1175],
    ] as const) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      osc.connect(gain).connect(context.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.2);
    }
  } catch {
    // No audio device: the badge and the notification still say it.
  }
}
