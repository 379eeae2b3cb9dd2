// What the trace benchmarks share: recording a Chromium trace of whatever `run` does.

/** Runs `run` under a trace of `categories` on the CDP session `cdp` and returns the
 *  trace's events once the trace is complete. */
export async function traced(cdp, categories, run) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories } });
  await run();
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}
