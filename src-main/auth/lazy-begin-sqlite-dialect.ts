// Better Auth shares the app's one better-sqlite3 connection, and its transactions are async: sign-up holds
// BEGIN ... COMMIT open across the password hash (~100 ms on the thread pool). Any statement the rest of the app
// runs on that connection meanwhile would join Better Auth's transaction, and vanish if it rolled back.
// This dialect defers BEGIN to the transaction's first write (BEGIN IMMEDIATE then). Better Auth reads and hashes
// before it writes, and its writes then follow one another without yielding to I/O, so nothing else interleaves.
import type { Database } from 'better-sqlite3';
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

  constructor(readonly inner: DatabaseConnection) {}

  request(): void {
    if (this.state !== 'none') throw new Error('A transaction is already in progress on this connection.');
    this.state = 'requested';
  }

  /** Issues the deferred BEGIN if the transaction is about to write. */
  async ensureBegun(): Promise<void> {
    if (this.state !== 'requested') return;
    await this.inner.executeQuery(CompiledQuery.raw('begin immediate'));
    this.state = 'open';
  }

  /** COMMIT/ROLLBACK if BEGIN was issued; a read-only transaction had nothing to end. */
  async finish(command: 'commit' | 'rollback'): Promise<void> {
    const open = this.state === 'open';
    this.state = 'none';
    if (open) await this.inner.executeQuery(CompiledQuery.raw(command));
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

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let wrapper = this.wrappers.get(connection);
    if (!wrapper) {
      wrapper = new LazyBeginConnection(connection);
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

  /** The connection belongs to the app (closed by the database service), never to Better Auth. */
  destroy(): Promise<void> {
    return Promise.resolve();
  }
}

export class LazyBeginSqliteDialect extends SqliteDialect {
  constructor(database: Database) {
    super({ database });
  }

  override createDriver(): Driver {
    return new LazyBeginDriver(super.createDriver());
  }
}
