// Sum the layer sizes of each image in a repo-info layer listing (stdin)
// and print one line per image: "<image> <total> MB", where 1 MB is
// 1,000,000 bytes and the total is rounded half up to 0.1 MB.
using System;
using System.Collections.Generic;
using System.Globalization;

public static class Program
{
    const long BytesPerMb = 1000000; // repo-info's "MB" is decimal: "47.8 MB (47790358 bytes)"

    // "Size: 28.2 MB (28232655 bytes)" or, under 1 KB, "Size: 250.0 B"
    static long LayerBytes(string line)
    {
        int open = line.IndexOf('(');
        if (open >= 0)
        {
            string count = line.Substring(open + 1).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)[0];
            return long.Parse(count, CultureInfo.InvariantCulture);
        }
        string value = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)[1];
        return long.Parse(value.Substring(0, value.IndexOf('.')), CultureInfo.InvariantCulture);
    }

    // Integers only: no culture-dependent decimal separator, no double rounding.
    static string FormatMb(long total)
    {
        long tenths = (total * 10 + BytesPerMb / 2) / BytesPerMb;
        return (tenths / 10).ToString(CultureInfo.InvariantCulture) + "." +
               (tenths % 10).ToString(CultureInfo.InvariantCulture);
    }

    public static void Main()
    {
        var totals = new Dictionary<string, long>();
        var order = new List<string>(); // Dictionary enumeration order is not guaranteed
        string image = null;
        string raw;
        while ((raw = Console.ReadLine()) != null)
        {
            string line = raw.Trim();
            if (line.StartsWith("### `", StringComparison.Ordinal))
            {
                image = line.Split('`')[1];
                if (!totals.ContainsKey(image))
                {
                    totals[image] = 0;
                    order.Add(image);
                }
            }
            else if (line.StartsWith("Size:", StringComparison.Ordinal) && image != null)
            {
                totals[image] += LayerBytes(line);
            }
        }
        foreach (string name in order)
        {
            Console.WriteLine(name + " " + FormatMb(totals[name]) + " MB");
        }
    }
}
