namespace Inbound.Web.Localization;

public static class LocalizationExtensions
{
    /// <summary>English and Thai; a request's language comes from the culture cookie, else Accept-Language, else English.</summary>
    public static IHostApplicationBuilder AddUserLanguages(this IHostApplicationBuilder builder)
    {
        // Each component's texts sit beside it: Composer.razor reads Composer.resx (English) and Composer.th.resx (Thai).
        builder.Services.AddLocalization();
        builder.Services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.Section)
            .Validate(o => UserTime.FindZone(o.DefaultTimeZone) is not null, "Languages:DefaultTimeZone is not a time zone id.").ValidateOnStart();
        builder.Services.AddRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new(SupportedLanguages.English);
            o.SupportedCultures = SupportedLanguages.Cultures;
            o.SupportedUICultures = SupportedLanguages.Cultures;
            // The defaults stay (query string, then the cookie, then Accept-Language): th-TH falls back to th.
        });
        builder.Services.AddScoped<UserTime>();
        return builder;
    }
}
