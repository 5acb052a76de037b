//! `microlings completions <shell>`: a completion script from clap's own description of the
//! command line, with the course's exercise names as the values of every exercise argument.

use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use super::Cli;
use crate::course::Course;

/// The subcommands (by path) whose `exercise` or `exercises` argument takes an exercise name.
const EXERCISE_ARGS: &[(&[&str], &str)] = &[
    (&["check"], "exercise"),
    (&["hint"], "exercise"),
    (&["reset"], "exercise"),
    (&["path"], "exercise"),
    (&["open"], "exercise"),
    (&["dev", "check"], "exercises"),
];

/// Prints the script for `shell` to stdout.
pub fn print(shell: Shell, course: &Course) -> Result<ExitCode> {
    let mut cmd = command_with_exercises(course);
    // Into memory first: clap_complete panics when it cannot write, and a closed pipe
    // (`microlings completions bash | head -1`) must end the command quietly, as `print!`
    // in `cli` does (see `out::write`).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "microlings", &mut script);
    if shell == Shell::Fish {
        script.extend_from_slice(fish_exercises(course).as_bytes());
    }
    print!("{}", String::from_utf8_lossy(&script));
    Ok(ExitCode::SUCCESS)
}

/// clap's fish script completes options only; these lines add the exercise names after the
/// subcommands that take one.
fn fish_exercises(course: &Course) -> String {
    let slugs: Vec<&str> = course
        .exercises_in_order()
        .map(|(_, e)| e.slug.as_str())
        .collect();
    let mut out = String::new();
    for (path, _) in EXERCISE_ARGS.iter().filter(|(p, _)| p.len() == 1) {
        out.push_str(&format!(
            "complete -c microlings -n \"__fish_microlings_using_subcommand {}\" -f -a \"{}\"\n",
            path[0],
            slugs.join(" ")
        ));
    }
    out
}

/// The command line as clap describes it, with the exercise names listed as the possible
/// values of the exercise arguments. Only the completion script sees these values: parsing
/// accepts any name and says which ones are close when it does not exist.
pub fn command_with_exercises(course: &Course) -> clap::Command {
    let slugs: Vec<String> = course
        .exercises_in_order()
        .map(|(_, e)| e.slug.clone())
        .collect();
    let mut cmd = Cli::command();
    for (path, arg) in EXERCISE_ARGS {
        let values = slugs.clone();
        cmd = mut_path(cmd, path, &move |sub| {
            sub.mut_arg(*arg, |a| {
                a.value_parser(PossibleValuesParser::new(values.clone()))
            })
        });
    }
    cmd
}

fn mut_path(
    cmd: clap::Command,
    path: &[&str],
    f: &dyn Fn(clap::Command) -> clap::Command,
) -> clap::Command {
    match path {
        [] => f(cmd),
        [first, rest @ ..] => cmd.mut_subcommand(*first, |sub| mut_path(sub, rest, f)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exercise_arguments_list_every_exercise() {
        let course = crate::course::load_course(None).expect("the embedded course loads");
        let cmd = command_with_exercises(&course);
        let check = cmd.find_subcommand("check").expect("check");
        let arg = check
            .get_arguments()
            .find(|a| a.get_id() == "exercise")
            .expect("exercise argument");
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect();
        assert_eq!(values.len(), course.exercises.len());
        assert!(values.iter().any(|v| v == "typing-parse-port"));
        let mut script = Vec::new();
        clap_complete::generate(Shell::Bash, &mut cmd.clone(), "microlings", &mut script);
        let script = String::from_utf8(script).expect("utf-8");
        assert!(
            script.contains("typing-parse-port"),
            "slugs in the bash script"
        );
        let fish = fish_exercises(&course);
        assert!(
            fish.contains("__fish_microlings_using_subcommand check\" -f -a \"micro-"),
            "{fish}"
        );
    }
}
