import { ENTITY_SCHEMAS, type EntityName, type EntityOf } from '../entities/registry.ts';
import type { QboTransport } from '../http/qbo-transport.ts';
import type { QboQuery } from '../query/query-builder.ts';
import { member, parseEntity } from './read-envelope.ts';

export interface QueryPage<E extends EntityName> {
  readonly entities: EntityOf<E>[];
  readonly startPosition: number;
  readonly returned: number;
}

export const MAX_PAGE_SIZE = 1000;

export function queryOperations(send: QboTransport) {
  async function run(text: string): Promise<unknown> {
    return member(await send({ method: 'GET', path: 'query', query: { query: text } }), 'QueryResponse');
  }

  async function page<E extends EntityName>(query: QboQuery<E>, start: number, size: number) {
    const response = await run(query.toString({ start, size }));
    const raw = member(response, query.entity);
    const list = Array.isArray(raw) ? raw : [];
    const entities = list
      .map((e) => parseEntity(ENTITY_SCHEMAS[query.entity], e, query.entity) as EntityOf<E>)
      .filter((e) => query.accepts(e));
    // `returned` counts what QBO sent, so paging still stops at QBO's short page.
    return { entities, startPosition: start, returned: list.length } satisfies QueryPage<E>;
  }

  return {
    /** One page; `start` is 1-based. */
    queryPage: page,

    /**
     * Every page, in order. A page shorter than the page size is the last: QBO has no cursor,
     * so this is how clients know they are done.
     */
    async *queryAll<E extends EntityName>(query: QboQuery<E>, size = MAX_PAGE_SIZE) {
      let start = 1;
      for (;;) {
        const result = await page(query, start, size);
        yield* result.entities;
        if (result.returned < size) return;
        start += size;
      }
    },

    async count(query: QboQuery): Promise<number> {
      return Number(member(await run(query.toString()), 'totalCount') ?? 0);
    },
  };
}
