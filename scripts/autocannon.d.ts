/** The part of autocannon's API the bench uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  interface Instance extends EventEmitter, PromiseLike<{ duration: number; errors: number }> {}
  function autocannon(options: Record<string, unknown>): Instance;
  export default autocannon;
}
