using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Inbound.Tests.Localization;

/// <summary>
/// Every text the UI shows comes from a component's resource files: English (<c>X.resx</c>) and Thai
/// (<c>X.th.resx</c>). A Thai screen with an English word left on it is a bug, so both files hold every key, no value
/// is empty, and a translation keeps the placeholders its English text fills in.
/// </summary>
public partial class ResourceFilesTests
{
    private static readonly string[] Cultures = ["th"];

    public static TheoryData<string> EnglishFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SourceRoot(), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !IsCultureFile(f) && !f.Contains("/bin/") && !f.Contains("/obj/")).Order())
            data.Add(Path.GetRelativePath(SourceRoot(), file));
        return data;
    }

    [Fact]
    public void The_web_app_has_resource_files()
    {
        Assert.NotEmpty(EnglishFiles());
    }

    [Theory]
    [MemberData(nameof(EnglishFiles))]
    public void Every_text_has_a_translation_in_each_language_with_the_same_placeholders(string englishFile)
    {
        var english = Read(Path.Combine(SourceRoot(), englishFile));
        foreach (var culture in Cultures)
        {
            var translatedFile = Path.ChangeExtension(Path.Combine(SourceRoot(), englishFile), $".{culture}.resx");
            Assert.True(File.Exists(translatedFile), $"{englishFile} has no {culture} translation file");
            var translated = Read(translatedFile);

            Assert.Empty(english.Keys.Except(translated.Keys).Select(k => $"{culture} lacks {k}"));
            Assert.Empty(translated.Keys.Except(english.Keys).Select(k => $"{culture} has {k}, English does not"));
            foreach (var (key, text) in english)
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{englishFile}: {key} is empty");
                Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{culture}: {key} is empty");
                Assert.Equal(Placeholders(text), Placeholders(translated[key]));
            }
        }
    }

    private static bool IsCultureFile(string path) => Path.GetFileNameWithoutExtension(path).Contains('.');

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static IReadOnlyList<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order().ToList();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Inbound.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Inbound.sln not found above the test binaries"), "Inbound.Web");
    }
}
