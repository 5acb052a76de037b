// An /items service on 127.0.0.1:$PORT with System.Net.HttpListener.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

class Program
{
    static readonly Dictionary<int, string> Items = new Dictionary<int, string>
    {
        { 1, "{\"id\":1,\"name\":\"keyboard\",\"price_cents\":4999}" },
        { 2, "{\"id\":2,\"name\":\"mouse\",\"price_cents\":1999}" },
        { 3, "{\"id\":3,\"name\":\"monitor\",\"price_cents\":18999}" },
    };
    static readonly Regex ItemPath = new Regex("^/items/([0-9]{1,9})$");

    static void Reply(HttpListenerResponse response, int status, string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body, 0, body.Length);
        response.OutputStream.Close();
    }

    static void Handle(HttpListenerContext context)
    {
        string path = context.Request.Url.AbsolutePath;
        if (path == "/health")
        {
            Reply(context.Response, 200, "{\"status\":\"ok\"}");
            return;
        }
        Match match = ItemPath.Match(path);
        string item = null;
        if (match.Success)
        {
            Items.TryGetValue(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), out item);
        }
        if (item == null)
        {
            Reply(context.Response, 404, "{\"error\":\"not found\"}");
        }
        else
        {
            Reply(context.Response, 200, item);
        }
    }

    static void Main()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add("http://127.0.0.1:" + Environment.GetEnvironmentVariable("PORT") + "/");
        listener.Start();
        while (true)
        {
            Handle(listener.GetContext());
        }
    }
}
