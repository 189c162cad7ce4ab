/** A long-lived part of the main process. Composition code starts them in order and stops them in reverse. */
export interface Service {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}
