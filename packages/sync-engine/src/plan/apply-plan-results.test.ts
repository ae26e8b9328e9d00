import { describe, expect, it } from '@jest/globals';
import { fixedClock } from '../ports/clock.ts';
import { customer, settings, sideRecord, T1 } from '../testing/factories.ts';
import { SyncWorld, writes } from '../testing/sync-world.ts';
import { applyPlanResults } from './apply-plan-results.ts';

describe('applyPlanResults', () => {
  it('records the new link, merge base, status and activity of a create', () => {
    const w = new SyncWorld(settings());
    w.put(sideRecord('hubspot', 'customer', 'c', customer()));
    const plan = w.plan();
    const [write] = writes(plan);
    const applied = applyPlanResults(
      plan,
      [
        {
          ok: true,
          idempotencyKey: write!.command.idempotencyKey,
          id: 'Q7',
          version: '0',
          record: customer({ displayName: 'Analytical Engines' }),
        },
      ],
      fixedClock(T1),
    );
    expect(applied.links).toMatchObject([
      { hubspotId: 'c', quickbooksId: 'Q7', pendingCreate: null, linkVersion: 1 },
    ]);
    expect(applied.mergeBases[0]?.quickbooksVersion).toBe('0');
    expect(applied.activity.map((a) => a.kind)).toEqual(['created']);
    expect(applied.statuses.map((s) => s.state)).toEqual(['synced', 'synced']);
  });

  it('R-ERR-7: a retryable failure keeps the old merge base, clears the pending marker and is handed back for retry', () => {
    const w = new SyncWorld(settings());
    w.put(sideRecord('hubspot', 'customer', 'c', customer()));
    const plan = w.plan();
    const [write] = writes(plan);
    const applied = applyPlanResults(
      plan,
      [
        {
          ok: false,
          idempotencyKey: write!.command.idempotencyKey,
          error: { code: 'rate_limited', message: '429', retryable: true },
        },
      ],
      fixedClock(T1),
    );
    expect(applied.mergeBases).toEqual([]);
    expect(applied.retryable).toHaveLength(1);
    expect(applied.links[0]?.pendingCreate).toBeNull();
    expect(applied.statuses[0]?.state).toBe('pending');
  });

  it('R-VIS-6: a write the other side refuses is logged against its source record, so its activity reads in the direction it went', () => {
    const w = new SyncWorld(settings());
    w.put(sideRecord('hubspot', 'customer', 'c', customer()));
    const plan = w.plan();
    const [write] = writes(plan);
    const applied = applyPlanResults(
      plan,
      [
        {
          ok: false,
          idempotencyKey: write!.command.idempotencyKey,
          error: { code: 'duplicate_display_name', message: '6240', retryable: false },
        },
      ],
      fixedClock(T1),
    );
    expect(applied.activity).toMatchObject([
      { kind: 'failed', side: 'hubspot', recordId: 'c', errorCode: 'duplicate_display_name' },
    ]);
  });

  it('R-EDT-3: a create interrupted after sending is planned again with the same idempotency key (replay, no duplicate)', () => {
    const w = new SyncWorld(settings());
    w.put(sideRecord('hubspot', 'customer', 'c', customer()));
    const first = writes(w.plan())[0]!;
    // The runner stored the pending marker, then crashed before storing the result.
    w.links = [first.link];
    const again = writes(w.plan())[0]!;
    expect(again.command.idempotencyKey).toBe(first.command.idempotencyKey);
  });

  it('R-OBJ-7: after a delete, the surviving record shows as excluded because its counterpart is gone', () => {
    const w = new SyncWorld(settings());
    w.put(sideRecord('hubspot', 'customer', 'c', customer()));
    w.sync();
    const q = w.linkOf('customer', 'hubspot', 'c')!.quickbooksId!;
    const r = w.records.get(`customer|quickbooks|${q}`)!;
    w.put({ ...r, deleted: true });
    const plan = w.plan();
    const [mark] = writes(plan);
    expect(mark?.command.kind).toBe('mark_counterpart_deleted');
    const applied = applyPlanResults(
      plan,
      [{ ok: true, idempotencyKey: mark!.command.idempotencyKey, id: 'c', version: '3', record: customer() }],
      fixedClock(T1),
    );
    expect(applied.statuses).toMatchObject([
      { side: 'hubspot', recordId: 'c', state: 'excluded', exclusionReason: 'counterpart_deleted' },
    ]);
    expect(applied.links[0]?.state).toBe('counterpart_deleted');
    expect(applied.activity.map((a) => a.kind)).toEqual(['counterpart_deleted']);
  });
});
