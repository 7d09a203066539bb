/**
 * The scanner's audible answer, made with WebAudio so it works offline and needs no sound file:
 * a short high tone for a good scan, a long low double buzz for a refused one, which a packer
 * hears without looking at the screen.
 */
let context: AudioContext | null = null;

function tone(ctx: AudioContext, frequency: number, start: number, seconds: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'square';
  osc.frequency.value = frequency;
  gain.gain.value = 0.15;
  osc.connect(gain).connect(ctx.destination);
  osc.start(ctx.currentTime + start);
  osc.stop(ctx.currentTime + start + seconds);
}

export function beep(kind: 'ok' | 'refused'): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    if (kind === 'ok') tone(context, 1760, 0, 0.08);
    else {
      tone(context, 220, 0, 0.25);
      tone(context, 220, 0.35, 0.25);
    }
    // Tests and the bench read this to know the sound was asked for.
    document.documentElement.dataset.lastBeep = `${kind}:${Date.now()}`;
  } catch {
    // No audio device: the message on screen still says it.
  }
}
