global using System.Net.Http.Json;
global using Inbound.Tests.Infrastructure;
global using Microsoft.Extensions.DependencyInjection;
