namespace Inbound.Web.Storage;

/// <summary>Where the app keeps its data (the SQLite file) and how it connects.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the database file; relative paths start at the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The connection string; {DataFolder} stands for the resolved data folder.</summary>
    public string ConnectionString { get; set; } = "Data Source={DataFolder}/inbound.db";

    public string ResolveConnectionString()
    {
        var folder = Path.GetFullPath(DataFolder);
        Directory.CreateDirectory(folder);
        return ConnectionString.Replace("{DataFolder}", folder);
    }
}
