using Microsoft.Data.Sqlite;

namespace Concordat.Core.Operations;

public static class SqliteBackup
{
    /// <summary>
    /// Copies a live SQLite database with SQLite's online backup API: the copy is a consistent snapshot even
    /// while the app keeps writing (WAL included).
    /// </summary>
    public static void Run(string connectionString, string destinationFile)
    {
        var destination = Path.GetFullPath(destinationFile);
        var directory = Path.GetDirectoryName(destination);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        using var source = new SqliteConnection(connectionString);
        source.Open();
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        target.Open();
        source.BackupDatabase(target);
    }
}
