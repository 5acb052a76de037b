// TODO: read a multi-stage build (stdin): "FROM <image> AS <stage>" starts a
// stage, "layer <bytes> <comment>" adds a layer to the current stage, "#" lines
// are comments. The per-stage lines are right, but the "shipped" line reports
// far more than the image you would actually push. Fix it.
using System;
using System.Collections.Generic;
using System.Globalization;

public static class Program
{
    const long BytesPerMb = 1000000;

    sealed class Stage
    {
        public readonly string Name;
        public long Bytes;

        public Stage(string name)
        {
            Name = name;
        }
    }

    static string FormatMb(long total)
    {
        long tenths = (total * 10 + BytesPerMb / 2) / BytesPerMb;
        return (tenths / 10).ToString(CultureInfo.InvariantCulture) + "." +
               (tenths % 10).ToString(CultureInfo.InvariantCulture);
    }

    public static void Main()
    {
        var stages = new List<Stage>();
        long imageBytes = 0; // everything the Dockerfile builds
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string[] words = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[0].StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            if (words[0] == "FROM")
            {
                stages.Add(new Stage(words[3]));
            }
            else if (words[0] == "layer")
            {
                long size = long.Parse(words[1], CultureInfo.InvariantCulture);
                stages[stages.Count - 1].Bytes += size;
                imageBytes += size;
            }
        }
        foreach (Stage s in stages)
        {
            Console.WriteLine("stage " + s.Name + " " + FormatMb(s.Bytes) + " MB");
        }
        Console.WriteLine("shipped " + stages[stages.Count - 1].Name + " " + FormatMb(imageBytes) + " MB");
    }
}
