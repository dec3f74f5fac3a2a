using System.Reflection;
using System.Runtime.CompilerServices;
using Concordat.Core.Data;
using Concordat.Core.Words;

namespace Concordat.Core.Tests.Words;

/// <summary>
/// Every choice people see is read through its feature's <c>InWords()</c>: one way to name an enum value, so no page,
/// document or history entry shows "FiscalMeasures" or "OnTrack".
/// </summary>
public sealed class EnumWordsTests
{
    // A setting, never shown to people as a value.
    private static readonly Type[] NotShown = [typeof(DatabaseProvider)];

    public static TheoryData<Type> ShownEnums() =>
        [.. typeof(Prose).Assembly.GetExportedTypes().Where(t => t.IsEnum && !NotShown.Contains(t)).OrderBy(t => t.Name)];

    [Theory]
    [MemberData(nameof(ShownEnums))]
    public void EveryValue_HasWordsOfItsOwn(Type type)
    {
        var inWords = typeof(Prose).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .SingleOrDefault(m => m.Name == "InWords" && m.IsDefined(typeof(ExtensionAttribute)) && m.GetParameters() is [{ } p] && p.ParameterType == type);

        Assert.True(inWords is not null, $"{type.Name} has no InWords() extension beside it.");
        var values = Enum.GetValues(type).Cast<object>().Where(v => !IsEmptyFlag(type, v)).ToList();
        var words = values.Select(v => (string)inWords.Invoke(null, [v])!).ToList();
        // Words, not identifiers: "On track", not "OnTrack".
        Assert.All(words, w => Assert.DoesNotMatch(@"^$|\b[A-Z][a-z]+[A-Z]", w));
        Assert.Equal(words.Count, words.Distinct().Count());
    }

    private static bool IsEmptyFlag(Type type, object value) => type.IsDefined(typeof(FlagsAttribute)) && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 0;
}
