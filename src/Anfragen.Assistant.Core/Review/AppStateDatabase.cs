using Anfragen.Assistant.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Review;

/// <summary>
/// The app-state tables (prefix <c>app_</c>) in the archive's SQLite file <c>{DataDirectory}/anfragen.db</c>.
/// Every connection is opened with WAL and <c>synchronous=FULL</c>: an approval, once confirmed, survives a power cut.
/// The schema carries a version (<c>app_meta.schema_version</c>); an older database is migrated on first use, step by
/// step in one transaction each, adding columns and tables and never dropping stored text. Statements are plain SQL so
/// the store can move to PostgreSQL later.
/// </summary>
public sealed class AppStateDatabase(IOptions<AssistantOptions> options) : IDisposable
{
    public const string FileName = "anfragen.db";

    /// <summary>The schema this build writes; see <see cref="AppStateMigrations"/>.</summary>
    public static int SchemaVersion => AppStateMigrations.Steps.Count;

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _schemaReady;

    public string DatabasePath => Path.Combine(options.Value.ResolvedDataDirectory, FileName);

    /// <summary>An open connection with the pragmas set and the schema in place. The caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.Value.ResolvedDataDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;", cancellationToken).ConfigureAwait(false);
            await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose() => _schemaLock.Dispose();

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _schemaReady))
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await AppStateMigrations.MigrateAsync(connection, DatabasePath, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _schemaReady, true);
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
