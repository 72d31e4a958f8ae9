global using Inbound.Domain.Texts;
