//! Entry point of the Implan web app.

fn main() {
    implan::ui::start();
}
