//! `case create --from FILE | --template NAME`: a template's fields under the flags. A flag
//! given on the command line beats the template's value; the lists (`share`, `attach`) add
//! the flags' entries to the template's; paths in the template are relative to its folder.

use std::path::{Path, PathBuf};

use clap::Args;

use super::CreateArgs;
use crate::commands::case::shared::{LoadedTemplate, read_from, read_named};
use crate::context::Ctx;
use crate::error::{CliError, CliResult};

/// Where the fields of a template come from.
#[derive(Debug, Clone, Default, Args)]
pub struct TemplateSource {
    /// Take the case's fields from a TOML, YAML or JSON file (`-`: stdin); flags win over it
    #[arg(long, value_name = "FILE|-", conflicts_with = "template")]
    pub from: Option<PathBuf>,
    /// Take the case's fields from templates/NAME.toml in the config dir (see `rsupport case
    /// template list`); flags win over it
    #[arg(long, value_name = "NAME", add = crate::complete::template_name())]
    pub template: Option<String>,
}

/// `args` with the template of `--from` or `--template`, if any, filled in under the flags.
pub fn apply(ctx: &Ctx, args: CreateArgs) -> CliResult<CreateArgs> {
    let loaded = match (&args.source.from, &args.source.template) {
        (Some(path), _) => read_from(path)?,
        (None, Some(name)) => read_named(ctx.config_dir(), name)?,
        (None, None) => return Ok(args),
    };
    merge(args, &loaded)
}

fn merge(mut args: CreateArgs, loaded: &LoadedTemplate) -> CliResult<CreateArgs> {
    let template = loaded.template.clone();
    let origin = &loaded.origin;
    if template.description.is_some() && template.description_file.is_some() {
        return Err(CliError::usage(format!(
            "{origin}: both description and description_file are set: keep one"
        )));
    }
    if args.description.is_none() && args.description_file.is_none() {
        args.description = template.description;
        args.description_file = template.description_file.map(|p| loaded.resolve(&p));
    }
    let stdin = Path::new("-");
    if args.source.from.as_deref() == Some(stdin) && args.description_file.as_deref() == Some(stdin)
    {
        return Err(CliError::usage(
            "--from - and a description file - would both read stdin: give the description in the template, with --description, or from a file",
        ));
    }
    fill(&mut args.on_behalf_of, template.on_behalf_of);
    fill(&mut args.title, template.title);
    fill(&mut args.category, template.category);
    fill(&mut args.severity, template.severity);
    fill(&mut args.language, template.language);
    fill(&mut args.time_zone, template.time_zone);
    fill(&mut args.request_id, template.request_id);
    args.allow_pii |= template.allow_pii.unwrap_or(false);

    let mut attach: Vec<PathBuf> = template.attach.iter().map(|p| loaded.resolve(p)).collect();
    for path in std::mem::take(&mut args.attach) {
        if !attach.contains(&path) {
            attach.push(path);
        }
    }
    args.attach = attach;
    let mut share = template.share;
    for email in std::mem::take(&mut args.share) {
        if !share.iter().any(|s| s.eq_ignore_ascii_case(&email)) {
            share.push(email);
        }
    }
    args.share = share;
    Ok(args)
}

/// A flag's value, else the template's.
fn fill<T>(flag: &mut Option<T>, template: Option<T>) {
    if flag.is_none() {
        *flag = template;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::case::shared::CaseTemplate;
    use clap::Parser;
    use rsupport_api::types::Severity;

    #[derive(Parser)]
    struct Line {
        #[command(flatten)]
        args: CreateArgs,
    }

    fn args(flags: &[&str]) -> CreateArgs {
        let mut line = vec!["create"];
        line.extend_from_slice(flags);
        Line::try_parse_from(line).unwrap().args
    }

    fn loaded(template: CaseTemplate) -> LoadedTemplate {
        LoadedTemplate {
            template,
            base: PathBuf::from("/templates"),
            origin: "t".into(),
        }
    }

    fn template() -> CaseTemplate {
        CaseTemplate {
            on_behalf_of: Some("acme".into()),
            title: Some("From the file".into()),
            severity: Some(Severity::P3),
            description_file: Some("notes.txt".into()),
            attach: vec!["logs/a.txt".into(), "/abs/b.txt".into()],
            share: vec!["it@acme.example".into()],
            ..CaseTemplate::default()
        }
    }

    #[test]
    fn flags_beat_the_template() {
        let merged = merge(
            args(&["--title", "From the flag", "--severity", "P1"]),
            &loaded(template()),
        )
        .unwrap();
        assert_eq!(merged.title.as_deref(), Some("From the flag"));
        assert_eq!(merged.severity, Some(Severity::P1));
        assert_eq!(merged.on_behalf_of.as_deref(), Some("acme"));
    }

    #[test]
    fn paths_are_relative_to_the_template_and_lists_add_the_flags() {
        let merged = merge(
            args(&[
                "--attach",
                "x.txt",
                "--share",
                "IT@acme.example",
                "--share",
                "b@acme.example",
            ]),
            &loaded(template()),
        )
        .unwrap();
        assert_eq!(
            merged.description_file,
            Some(PathBuf::from("/templates/notes.txt"))
        );
        assert_eq!(
            merged.attach,
            [
                PathBuf::from("/templates/logs/a.txt"),
                PathBuf::from("/abs/b.txt"),
                PathBuf::from("x.txt")
            ]
        );
        assert_eq!(merged.share, ["it@acme.example", "b@acme.example"]);
    }

    #[test]
    fn a_description_flag_replaces_the_template_description_file() {
        let merged = merge(args(&["--description", "typed"]), &loaded(template())).unwrap();
        assert_eq!(merged.description.as_deref(), Some("typed"));
        assert_eq!(merged.description_file, None);
    }

    #[test]
    fn a_template_with_both_descriptions_is_refused() {
        let mut both = template();
        both.description = Some("x".into());
        let err = merge(args(&[]), &loaded(both)).unwrap_err();
        assert!(err.to_string().contains("keep one"), "{err}");
    }
}
