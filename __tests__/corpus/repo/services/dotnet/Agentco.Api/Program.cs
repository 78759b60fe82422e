using Microsoft.AspNetCore.Authentication.JwtBearer;
using SendGrid;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.Authority = "https://auth.agentco.io/realms/agents";
        options.Audience = "agent-api";
    });

builder.Services.AddAuthentication().AddGoogle(options =>
{
    options.ClientId = "{{digits:12}}-{{lower:32}}.apps.googleusercontent.com";
    options.ClientSecret = "GOCSPX-{{token:28}}"; {{secret:google-oauth-client-secret}}
});

var sendGrid = new SendGridClient("SG.{{token:22}}.{{token:43}}"); {{secret:sendgrid-api-key}}
var storageKey = builder.Configuration["Storage:AccountKey"];
const string TokenCacheKey = "agentco:token-cache:v2";

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
