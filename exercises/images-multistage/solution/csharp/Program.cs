// Read a multi-stage build (stdin): "FROM <image> AS <stage>" starts a stage,
// "layer <bytes> <comment>" adds a layer to the current stage, "#" lines are
// comments. Print "stage <name> <MB> MB" for every stage, then
// "shipped <name> <MB> MB" for the image that is pushed: the LAST stage only.
using System.Globalization;

const long BytesPerMb = 1_000_000;

List<Stage> stages = [];
while (Console.ReadLine() is { } line)
{
    switch (line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
    {
        case ["FROM", _, _, var name, ..]: // FROM <image> AS <stage>
            stages.Add(new Stage(name));
            break;
        case ["layer", var bytes, ..]:
            stages[^1].Bytes += long.Parse(bytes, NumberStyles.None, CultureInfo.InvariantCulture);
            break;
        // blank lines and "# comments" match neither pattern
    }
}
foreach (var stage in stages)
{
    Console.WriteLine($"stage {stage.Name} {FormatMb(stage.Bytes)} MB");
}
// Earlier stages only feed files to later ones through COPY --from;
// their layers are not part of the pushed image.
var shipped = stages[^1];
Console.WriteLine($"shipped {shipped.Name} {FormatMb(shipped.Bytes)} MB");

static string FormatMb(long total)
{
    long tenths = (total * 10 + BytesPerMb / 2) / BytesPerMb;
    return string.Create(CultureInfo.InvariantCulture, $"{tenths / 10}.{tenths % 10}");
}

// A class, not a record: the total grows while the stage's layers are read.
sealed class Stage(string name)
{
    public string Name { get; } = name;
    public long Bytes { get; set; }
}
