using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Ngo;

/// <summary>
/// A draft written over several visits: each save is kept by the service; attachments are uploaded
/// one by one; submitting shows every rule the draft still breaks, next to its field.
/// </summary>
public sealed class EditApplicationModel(ApplicationsApi applications) : PortalPage
{
    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public ApplicationView? Application { get; private set; }

    public CallView? Call { get; private set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        if (Application!.Status != "Draft")
        {
            return Redirect($"/ngo/applications/{id}");
        }

        Form = ApplicationForm.Of(Application);
        return Page();
    }

    public async Task<IActionResult> OnPostSave(Guid id, CancellationToken ct)
    {
        if (await Try(() => applications.UpdateApplication(id, Form.ToRequest(), Version, ct), nameof(Form)))
        {
            Notice = T["Draft saved."];
            return Redirect($"/ngo/applications/{id}/edit");
        }

        await Load(id, ct);
        Form.WithRoom();
        return Page();
    }

    /// <summary>Keeps what is typed and offers one more empty partner row, without a script.</summary>
    public async Task<IActionResult> OnPostAddPartner(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Form.WithRoom();
        Form.Partners.Add(new PartnerForm());
        return Page();
    }

    public async Task<IActionResult> OnPostSubmit(Guid id, CancellationToken ct)
    {
        var saved = await Try(async () => Version = (await applications.UpdateApplication(id, Form.ToRequest(), Version, ct)).Version, nameof(Form));
        if (saved && await Try(() => applications.Submit(id, Version, ct), nameof(Form)))
        {
            Notice = T["Your application is submitted."];
            return Redirect($"/ngo/applications/{id}");
        }

        await Load(id, ct);
        Form.WithRoom();
        return Page();
    }

    public async Task<IActionResult> OnPostUpload(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", T["Choose a file to upload."]);
        }
        else
        {
            await using var content = file.OpenReadStream();
            if (await Try(() => applications.Attach(id, Path.GetFileName(file.FileName), content, file.ContentType, ct)))
            {
                Notice = $"{Path.GetFileName(file.FileName)} is attached.";
                return Redirect($"/ngo/applications/{id}/edit");
            }
        }

        await Load(id, ct);
        Form = ApplicationForm.Of(Application!);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        var found = await applications.Application(id, ct);
        Application = found.Value;
        Version = found.Version;
        Call = (await applications.Call(Application.CallId, ct)).Value;
        ModelState.Remove(nameof(Version));
    }
}
