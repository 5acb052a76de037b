// The lab's reference service: GET /health and GET /items/{id}, JSON, on 127.0.0.1:$PORT.
// Base class library only (System.Net.HttpListener), C# 7.2 so that Mono's mcs compiles it.
using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

class Program
{
    static readonly Regex ItemPath = new Regex("^/items/([0-9]{1,9})$", RegexOptions.Compiled);

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
        Match m = ItemPath.Match(path);
        if (!m.Success)
        {
            Reply(context.Response, 404, "{\"error\":\"not found\"}");
            return;
        }
        long id = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        Reply(context.Response, 200, string.Format(CultureInfo.InvariantCulture,
            "{{\"id\":{0},\"name\":\"item-{0}\",\"price_cents\":{1}}}", id, id * 100));
    }

    static void Serve(object state)
    {
        var listener = (HttpListener)state;
        while (true)
        {
            try
            {
                Handle(listener.GetContext());
            }
            catch (HttpListenerException)
            {
                // A client went away mid-reply: keep serving the others.
            }
            catch (System.IO.IOException)
            {
            }
        }
    }

    static void Main()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add("http://127.0.0.1:" + Environment.GetEnvironmentVariable("PORT") + "/");
        listener.Start();
        // Dedicated threads, not the thread pool: on Mono a pool blocked in GetContext starves.
        var workers = new Thread[8];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(Serve) { IsBackground = true };
            workers[i].Start(listener);
        }
        foreach (var t in workers)
        {
            t.Join();
        }
    }
}
