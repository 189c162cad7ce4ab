// Better Auth's dialect: its own better-sqlite3 connection (never the app's, see db/database-service.ts), with
// its transactions' BEGIN deferred to their first write and taken behind the process-wide WriteGate.
// - Own connection: Better Auth's transactions are async (sign-up holds BEGIN ... COMMIT open across an HMAC,
//   password change across a hash); on a shared connection, any app statement run meanwhile joined them.
// - BEGIN IMMEDIATE at the first write, not at the start: sign-up reads and hashes (~100 ms) before it writes, and
//   a transaction that only reads needs no lock at all; a write lock taken up front would be held for the hash.
// - The WriteGate before BEGIN: while Better Auth's transaction holds SQLite's write lock, the app's write queue
//   waits on the gate (asynchronously) instead of meeting the lock inside SQLite and blocking the event loop.
import type { Database } from 'better-sqlite3';
import type { WriteGate, ReleaseGate } from '../db/write-gate.ts';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

type TransactionState = 'none' | 'requested' | 'open';

class LazyBeginConnection implements DatabaseConnection {
  private state: TransactionState = 'none';
  private releaseGate: ReleaseGate | null = null;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly gate: WriteGate,
  ) {}

  request(): void {
    if (this.state !== 'none') throw new Error('A transaction is already in progress on this connection.');
    this.state = 'requested';
  }

  /** Issues the deferred BEGIN if the transaction is about to write. */
  async ensureBegun(): Promise<void> {
    if (this.state !== 'requested') return;
    const release = await this.gate.acquire('auth');
    try {
      await this.inner.executeQuery(CompiledQuery.raw('begin immediate'));
    } catch (error) {
      release();
      throw error;
    }
    this.releaseGate = release;
    this.state = 'open';
  }

  /**
   * COMMIT/ROLLBACK if BEGIN was issued (a read-only transaction had nothing to end), then opens the gate. A
   * COMMIT that fails (a deferred constraint) leaves SQLite's transaction open: it is rolled back here, so the
   * write lock never outlives the transaction.
   */
  async finish(command: 'commit' | 'rollback'): Promise<void> {
    const open = this.state === 'open';
    this.state = 'none';
    if (!open) return;
    try {
      await this.inner.executeQuery(CompiledQuery.raw(command));
    } catch (error) {
      if (command === 'commit') await this.inner.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
      throw error;
    } finally {
      this.releaseGate?.();
      this.releaseGate = null;
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.state === 'requested' && !SelectQueryNode.is(query.query)) await this.ensureBegun();
    return this.inner.executeQuery<R>(query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize); // SELECT only (the SQLite driver refuses anything else)
  }
}

function lazy(connection: DatabaseConnection): LazyBeginConnection {
  if (!(connection instanceof LazyBeginConnection)) throw new Error('Unexpected connection for this driver.');
  return connection;
}

class LazyBeginDriver implements Driver {
  private readonly wrappers = new WeakMap<DatabaseConnection, LazyBeginConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly gate: WriteGate,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let wrapper = this.wrappers.get(connection);
    if (!wrapper) {
      wrapper = new LazyBeginConnection(connection, this.gate);
      this.wrappers.set(connection, wrapper);
    }
    return wrapper;
  }

  beginTransaction(connection: DatabaseConnection): Promise<void> {
    lazy(connection).request();
    return Promise.resolve();
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return lazy(connection).finish('commit');
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return lazy(connection).finish('rollback');
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await lazy(connection).ensureBegun();
    await this.inner.savepoint?.(lazy(connection).inner, name, compile);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.rollbackToSavepoint?.(lazy(connection).inner, name, compile);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.releaseSavepoint?.(lazy(connection).inner, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(lazy(connection).inner);
  }

  /** The connection is closed by the database service, which opened it. */
  destroy(): Promise<void> {
    return Promise.resolve();
  }
}

export class LazyBeginSqliteDialect extends SqliteDialect {
  constructor(
    database: Database,
    private readonly gate: WriteGate,
  ) {
    super({ database });
  }

  override createDriver(): Driver {
    return new LazyBeginDriver(super.createDriver(), this.gate);
  }
}
