// Turn raw measurements into 1-5 scores. Each stdin line is
// "metric lower|higher name=value ...". The best value scores 5, the worst 1, the rest
// linearly in between, rounded half up; if all values are equal, everyone scores 3.
using System;
using System.Globalization;
using System.Linq;

class Program
{
    static void Main()
    {
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string[] f = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 3) continue;
            string[][] pairs = f.Skip(2).Select(p => p.Split('=')).ToArray();
            int[] values = pairs.Select(p => int.Parse(p[1], CultureInfo.InvariantCulture)).ToArray();
            // "lower" (ms, MB, errors): the biggest value is the worst; "higher": the smallest.
            int worst = f[1] == "lower" ? values.Max() : values.Min();
            int span = values.Max() - values.Min();
            var scores = pairs.Select((p, i) =>
            {
                int score = 3;
                if (span > 0)
                {
                    int distance = Math.Abs(values[i] - worst);
                    score = 1 + (8 * distance + span) / (2 * span); // round half up, integers only
                }
                return p[0] + "=" + score.ToString(CultureInfo.InvariantCulture);
            });
            Console.WriteLine(f[0] + " " + string.Join(" ", scores));
        }
    }
}
