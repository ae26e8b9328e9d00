import type { ChangeEvent, Realm } from './realm.ts';

export type ChangeListener = (event: ChangeEvent) => void;

/** All in-memory state of one emulator instance. */
export class EmulatorState {
  readonly realms = new Map<string, Realm>();
  private readonly listeners: ChangeListener[] = [];
  private realmSeq = 0;

  newRealmId(): string {
    this.realmSeq += 1;
    // Real realm ids are long digit strings; a fixed prefix keeps them recognisable in logs.
    return String(
      9341450000000000n + BigInt(this.realmSeq) * 1000n + BigInt(Math.floor(Math.random() * 1000)),
    );
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  emit(event: ChangeEvent): void {
    for (const l of this.listeners) l(event);
  }

  reset(): void {
    this.realms.clear();
  }
}
