// Seals personal fields on their way into the database and opens them on the way out (decision 0023), so
// that a copy of the database without the data key shows no supporter, while repositories keep writing
// and reading plain values. Works on Kysely's query tree: values written to a sealed column by insert,
// update or upsert are sealed with the column as associated data; a selection that names a sealed column
// (directly, through an alias, `select *`, `returning`, or a subquery in `from`) is opened in the result.
// Raw SQL (`sql```) is not seen: the few raw paths seal and open by hand (signature.sqlite-batch.ts).
// Where clauses cannot compare sealed values: lookups by address go through the blind index column.
import type {
  AliasNode,
  ColumnUpdateNode,
  InsertQueryNode,
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  SelectionNode,
  SelectQueryNode,
  UnknownRow,
  UpdateQueryNode,
  ValuesNode,
} from 'kysely';
import type { DataVault } from '../security/data-keys.js';

/** Every sealed column, by table. Keep docs/privacy.md in step. */
export const sealedColumns: Readonly<Record<string, readonly string[]>> = {
  supporters: ['email', 'name', 'union_name'],
  signatures: ['name', 'union_name', 'message'],
  campaign_requests: ['contact_name', 'contact_email'],
  translator_applications: ['name', 'email', 'note'],
  // Mail jobs carry the address they go to (my-data, list sign-up) until they end.
  jobs: ['payload'],
};

const sealed = new Map(Object.entries(sealedColumns).map(([t, cs]) => [t, new Set(cs)]));

/**
 * Output column name → the `table.column`s whose associated data may open it: one for a plain reference,
 * several for an expression over sealed columns (`case … then p.email`, `coalesce(s.name, p.name)`).
 */
type Plan = Map<string, string[]>;
/** Names visible in a query (table or alias) → the real table, or the plan of a subquery. */
type Scope = Map<string, string | Plan>;

function identifier(node: OperationNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'IdentifierNode') return (node as unknown as { name: string }).name;
  if (node.kind === 'TableNode') {
    return identifier((node as unknown as { table: { identifier: OperationNode } }).table.identifier);
  }
  if (node.kind === 'ColumnNode') return identifier((node as unknown as { column: OperationNode }).column);
  return undefined;
}

function addToScope(scope: Scope, node: OperationNode): void {
  if (node.kind === 'TableNode') {
    const name = identifier(node);
    if (name) scope.set(name, name);
    return;
  }
  if (node.kind === 'AliasNode') {
    const alias = identifier((node as AliasNode).alias);
    const inner = (node as AliasNode).node;
    if (!alias) return;
    if (inner.kind === 'TableNode') {
      const name = identifier(inner);
      if (name) scope.set(alias, name);
    } else if (inner.kind === 'SelectQueryNode') {
      scope.set(alias, planSelect(inner as SelectQueryNode));
    }
  }
}

function columnsOf(entry: string | Plan): Plan {
  if (typeof entry !== 'string') return entry;
  const plan: Plan = new Map();
  for (const c of sealed.get(entry) ?? []) plan.set(c, [`${entry}.${c}`]);
  return plan;
}

/** The `table.column`s a reference names, if it names a sealed one. */
function resolve(scope: Scope, table: string | undefined, column: string): string[] | undefined {
  if (table) {
    const entry = scope.get(table);
    return entry === undefined ? undefined : columnsOf(entry).get(column);
  }
  const found = [...scope.values()].map((e) => columnsOf(e).get(column)).filter((c) => c !== undefined);
  return found.length === 1 ? found[0] : undefined;
}

/** Every sealed column an expression reads (a `case`, a function call, a scalar subquery). */
function sealedIn(scope: Scope, node: OperationNode, out: Set<string>): void {
  if (node.kind === 'SelectQueryNode') {
    for (const columns of planSelect(node as SelectQueryNode).values()) for (const c of columns) out.add(c);
    return;
  }
  if (node.kind === 'ReferenceNode') {
    const ref = node as unknown as { column: OperationNode; table?: OperationNode };
    const column = identifier(ref.column);
    for (const c of (column && resolve(scope, identifier(ref.table), column)) || []) out.add(c);
    return;
  }
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === 'object' && typeof (child as OperationNode).kind === 'string') {
        sealedIn(scope, child as OperationNode, out);
      }
    }
  }
}

function planSelections(scope: Scope, selections: readonly SelectionNode[] | undefined): Plan {
  const plan: Plan = new Map();
  for (const { selection } of selections ?? []) {
    let node: OperationNode = selection;
    let alias: string | undefined;
    if (node.kind === 'AliasNode') {
      alias = identifier((node as AliasNode).alias);
      node = (node as AliasNode).node;
    }
    if (node.kind === 'SelectAllNode') {
      for (const entry of scope.values()) for (const [k, v] of columnsOf(entry)) plan.set(k, v);
      continue;
    }
    if (node.kind === 'ColumnNode') {
      const column = identifier(node);
      const target = column ? resolve(scope, undefined, column) : undefined;
      if (column && target) plan.set(alias ?? column, target);
      continue;
    }
    if (node.kind !== 'ReferenceNode') {
      if (!alias) continue;
      const found = new Set<string>();
      sealedIn(scope, node, found);
      if (found.size > 0) plan.set(alias, [...found]);
      continue;
    }
    const ref = node as unknown as { column: OperationNode; table?: OperationNode };
    const table = identifier(ref.table);
    if (ref.column.kind === 'SelectAllNode') {
      const entry = table ? scope.get(table) : undefined;
      if (entry !== undefined) for (const [k, v] of columnsOf(entry)) plan.set(k, v);
      continue;
    }
    const column = identifier(ref.column);
    const target = column ? resolve(scope, table, column) : undefined;
    if (column && target) plan.set(alias ?? column, target);
  }
  return plan;
}

function planSelect(node: SelectQueryNode): Plan {
  const scope: Scope = new Map();
  for (const f of node.from?.froms ?? []) addToScope(scope, f);
  for (const j of node.joins ?? []) addToScope(scope, j.table);
  return planSelections(scope, node.selections);
}

function tableOf(node: OperationNode | undefined): { name: string; scope: Scope } | undefined {
  if (!node) return undefined;
  const scope: Scope = new Map();
  addToScope(scope, node);
  const first = [...scope.values()][0];
  return typeof first === 'string' ? { name: first, scope } : undefined;
}

export class PersonalFieldsPlugin implements KyselyPlugin {
  private readonly plans = new WeakMap<object, Plan>();

  constructor(private readonly vault: DataVault) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'SelectQueryNode') {
      this.remember(queryId, planSelect(node));
      return node;
    }
    if (node.kind === 'InsertQueryNode') return this.insert(node, queryId);
    if (node.kind === 'UpdateQueryNode') return this.update(node, queryId);
    if (node.kind === 'DeleteQueryNode' && node.returning) {
      const scope: Scope = new Map();
      for (const f of node.from.froms) addToScope(scope, f);
      this.remember(queryId, planSelections(scope, node.returning.selections));
    }
    return node;
  }

  async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const plan = this.plans.get(queryId);
    if (!plan || result.rows.length === 0) return result;
    const rows = result.rows.map((row) => {
      const out: UnknownRow = { ...row };
      for (const [key, columns] of plan) {
        const value = out[key];
        if (typeof value === 'string') out[key] = this.open(columns, value);
      }
      return out;
    });
    return { ...result, rows };
  }

  /** Opens with the one column that sealed it; an expression over several tries each. */
  private open(columns: readonly string[], value: string): string {
    for (let i = 0; i < columns.length - 1; i++) {
      try {
        return this.vault.open(columns[i]!, value);
      } catch {
        // Not this column's: the next one.
      }
    }
    return this.vault.open(columns[columns.length - 1]!, value);
  }

  private remember(queryId: object, plan: Plan): void {
    if (plan.size > 0) this.plans.set(queryId, plan);
  }

  private sealValue(column: string, value: unknown): unknown {
    return typeof value === 'string' ? this.vault.seal(column, value) : value;
  }

  private sealUpdates(table: string, updates: readonly ColumnUpdateNode[]): ColumnUpdateNode[] {
    const columns = sealed.get(table);
    return updates.map((u) => {
      const column = identifier(u.column);
      if (!column || !columns?.has(column) || u.value.kind !== 'ValueNode') return u;
      const value = (u.value as unknown as { value: unknown }).value;
      return Object.freeze({
        ...u,
        value: Object.freeze({ ...u.value, value: this.sealValue(`${table}.${column}`, value) }),
      });
    });
  }

  private insert(node: InsertQueryNode, queryId: object): InsertQueryNode {
    const target = tableOf(node.into);
    if (!target) return node;
    if (node.returning) this.remember(queryId, planSelections(target.scope, node.returning.selections));
    const columns = sealed.get(target.name);
    if (!columns) return node;
    const names = (node.columns ?? []).map((c) => identifier(c) ?? '');
    const positions = names.map((n, i) => (columns.has(n) ? i : -1)).filter((i) => i >= 0);
    let values = node.values;
    if (positions.length > 0 && values?.kind === 'ValuesNode') {
      const rows = values as ValuesNode;
      values = Object.freeze({
        ...rows,
        values: rows.values.map((list) => {
          if (list.kind === 'PrimitiveValueListNode') {
            const items = [...list.values];
            for (const i of positions) items[i] = this.sealValue(`${target.name}.${names[i]}`, items[i]);
            return Object.freeze({ ...list, values: Object.freeze(items) });
          }
          const items = [...list.values];
          for (const i of positions) {
            const item = items[i];
            if (item?.kind !== 'ValueNode') continue;
            const value = (item as unknown as { value: unknown }).value;
            items[i] = Object.freeze({ ...item, value: this.sealValue(`${target.name}.${names[i]}`, value) });
          }
          return Object.freeze({ ...list, values: Object.freeze(items) });
        }),
      });
    }
    const onConflict = node.onConflict?.updates
      ? Object.freeze({ ...node.onConflict, updates: this.sealUpdates(target.name, node.onConflict.updates) })
      : node.onConflict;
    return Object.freeze({ ...node, values, onConflict });
  }

  private update(node: UpdateQueryNode, queryId: object): UpdateQueryNode {
    const target = tableOf(node.table);
    if (!target) return node;
    if (node.returning) this.remember(queryId, planSelections(target.scope, node.returning.selections));
    if (!node.updates || !sealed.has(target.name)) return node;
    return Object.freeze({ ...node, updates: Object.freeze(this.sealUpdates(target.name, node.updates)) });
  }
}
