using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Grants.Portal.Pages;

/// <summary>Which folder of pages which roles may open; the APIs check each action again with the person's own token.</summary>
public static class PortalPolicies
{
    public const string Ngo = "ngo";
    public const string Staff = "staff";
    public const string Reviewer = "reviewer";
    public const string Finance = "finance";
    public const string Audit = "audit";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Ngo, p => p.RequireRole(GrantsRoles.Applicant));
        options.AddPolicy(Staff, p => p.RequireRole(GrantsRoles.Officer, GrantsRoles.Approver, GrantsRoles.Finance, GrantsRoles.Auditor));
        options.AddPolicy(Reviewer, p => p.RequireRole(GrantsRoles.Reviewer));
        options.AddPolicy(Finance, p => p.RequireRole(GrantsRoles.Finance, GrantsRoles.Approver, GrantsRoles.Auditor));
        options.AddPolicy(Audit, p => p.RequireRole(GrantsRoles.Auditor));
    }

    public static void Protect(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/");
        pages.AllowAnonymousToPage("/Access/SignIn");
        pages.AllowAnonymousToPage("/Error");
        pages.AllowAnonymousToPage("/Culture");
        pages.AuthorizeFolder("/Ngo", Ngo);
        pages.AuthorizeFolder("/Staff", Staff);
        pages.AuthorizeFolder("/Reviewer", Reviewer);
        pages.AuthorizeFolder("/Finance", Finance);
        pages.AuthorizeFolder("/Audit", Audit);
    }
}
