// TODO: read a multi-stage build (stdin): "FROM <image> AS <stage>" starts a
// stage, "layer <bytes> <comment>" adds a layer to the current stage, "#" lines
// are comments. The per-stage lines are right, but the "shipped" line reports
// far more than the image you would actually push. Fix it.
using System.Globalization;

const long BytesPerMb = 1_000_000;

List<Stage> stages = [];
long imageBytes = 0; // everything the Dockerfile builds
while (Console.ReadLine() is { } line)
{
    switch (line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
    {
        case ["FROM", _, _, var name, ..]: // FROM <image> AS <stage>
            stages.Add(new Stage(name));
            break;
        case ["layer", var bytes, ..]:
            long size = long.Parse(bytes, NumberStyles.None, CultureInfo.InvariantCulture);
            stages[^1].Bytes += size;
            imageBytes += size;
            break;
        // blank lines and "# comments" match neither pattern
    }
}
foreach (var stage in stages)
{
    Console.WriteLine($"stage {stage.Name} {FormatMb(stage.Bytes)} MB");
}
Console.WriteLine($"shipped {stages[^1].Name} {FormatMb(imageBytes)} MB");

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
